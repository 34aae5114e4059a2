package org.shuangsuiji.catalog.rest;

import java.time.OffsetDateTime;
import java.util.List;
import org.shuangsuiji.catalog.domain.InspectionItem;
import org.shuangsuiji.catalog.domain.InspectionMethod;
import org.shuangsuiji.catalog.domain.ItemClass;
import org.shuangsuiji.catalog.domain.LegalBasis;
import org.shuangsuiji.catalog.domain.LifecycleStatus;

/** One item version as the API shows it; {@code ref} is how plans, draws and results cite it. */
public record ItemView(
        String code,
        int version,
        String ref,
        LifecycleStatus status,
        String name,
        String category,
        String objectDescription,
        String department,
        List<LegalBasis> legalBasis,
        String content,
        List<InspectionMethod> methods,
        ItemClass itemClass,
        String defaultRatio,
        int frequency,
        int minTeamSize,
        List<String> requiredTags,
        String remarks,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        String publishedBy,
        OffsetDateTime publishedAt,
        String retiredBy,
        OffsetDateTime retiredAt) {

    public static ItemView of(InspectionItem i) {
        return new ItemView(i.code, i.version, i.ref(), i.status, i.name, i.category, i.objectDescription, i.department,
                i.legalBasis, i.content, i.methods, i.itemClass, i.defaultRatio.stripTrailingZeros().toPlainString(),
                i.frequency, i.minTeamSize, i.requiredTags, i.remarks, i.createdBy, i.createdAt, i.updatedBy, i.updatedAt,
                i.publishedBy, i.publishedAt, i.retiredBy, i.retiredAt);
    }
}
