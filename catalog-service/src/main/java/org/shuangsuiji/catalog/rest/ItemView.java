package org.shuangsuiji.catalog.rest;

import java.time.OffsetDateTime;
import java.util.List;
import org.shuangsuiji.catalog.domain.InspectionItem;
import org.shuangsuiji.catalog.domain.ItemStatus;
import org.shuangsuiji.catalog.domain.LegalBasis;

public record ItemView(
        String code,
        int version,
        String name,
        String department,
        List<LegalBasis> legalBasis,
        ItemStatus status,
        String createdBy,
        OffsetDateTime createdAt,
        String publishedBy,
        OffsetDateTime publishedAt) {

    static ItemView of(InspectionItem i) {
        return new ItemView(i.code, i.version, i.name, i.department, i.legalBasis, i.status, i.createdBy,
                i.createdAt, i.publishedBy, i.publishedAt);
    }
}
