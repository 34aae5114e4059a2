package org.shuangsuiji.publication.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.shuangsuiji.publication.domain.PublicItem;

public record PublicItemView(
        String code, int version, String name, String department, JsonNode legalBasis, OffsetDateTime publishedAt) {

    static PublicItemView of(PublicItem i) {
        return new PublicItemView(i.code, i.version, i.name, i.department, i.legalBasis, i.publishedAt);
    }
}
