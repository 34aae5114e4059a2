package org.shuangsuiji.catalog.service;

import java.time.OffsetDateTime;
import java.util.List;
import org.shuangsuiji.catalog.domain.LegalBasis;

/** Data of {@code catalog.item.published}, schema version 1: the whole published version (event-carried state). */
public record ItemPublished(
        String code,
        int version,
        String name,
        String department,
        List<LegalBasis> legalBasis,
        OffsetDateTime publishedAt,
        String publishedBy) {

    public static final String TYPE = "catalog.item.published";
    public static final int SCHEMA_VERSION = 1;
}
