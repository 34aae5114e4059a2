package org.shuangsuiji.catalog.service;

import java.time.OffsetDateTime;
import java.util.List;
import org.shuangsuiji.catalog.domain.InspectionItem;
import org.shuangsuiji.catalog.domain.InspectionMethod;
import org.shuangsuiji.catalog.domain.ItemClass;
import org.shuangsuiji.catalog.domain.LegalBasis;

/**
 * Data of {@code catalog.item.published}, schema version 1: the whole published version (event-carried state). Fields
 * are only ever added; the walking skeleton's fields keep their names and meaning.
 */
public record ItemPublished(
        String code,
        int version,
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
        OffsetDateTime publishedAt,
        String publishedBy) {

    public static final String TYPE = "catalog.item.published";
    public static final int SCHEMA_VERSION = 1;

    static ItemPublished of(InspectionItem i) {
        return new ItemPublished(i.code, i.version, i.name, i.category, i.objectDescription, i.department, i.legalBasis,
                i.content, i.methods, i.itemClass, i.defaultRatio.stripTrailingZeros().toPlainString(), i.frequency,
                i.minTeamSize, i.requiredTags, i.remarks, i.publishedAt, i.publishedBy);
    }
}
