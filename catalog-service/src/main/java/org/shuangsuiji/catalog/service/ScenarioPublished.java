package org.shuangsuiji.catalog.service;

import java.time.OffsetDateTime;
import java.util.List;
import org.shuangsuiji.catalog.domain.IndustryScenario;
import org.shuangsuiji.catalog.domain.ScenarioItem;

/** Data of {@code catalog.scenario.published}, schema version 1. */
public record ScenarioPublished(
        String code,
        int version,
        String name,
        String industryCode,
        String leadDepartment,
        List<String> cooperatingDepartments,
        List<ScenarioItem> items,
        OffsetDateTime publishedAt,
        String publishedBy) {

    public static final String TYPE = "catalog.scenario.published";
    public static final int SCHEMA_VERSION = 1;

    static ScenarioPublished of(IndustryScenario s) {
        return new ScenarioPublished(s.code, s.version, s.name, s.industryCode, s.leadDepartment, s.cooperatingDepartments,
                s.items, s.publishedAt, s.publishedBy);
    }
}
