package org.shuangsuiji.publication.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** What this service reads of {@code catalog.item.published} v1; unknown fields are ignored (additive changes). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogItemPublished(
        String code, int version, String name, String department, JsonNode legalBasis, OffsetDateTime publishedAt) {}
