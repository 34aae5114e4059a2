package org.shuangsuiji.catalog.rest;

import java.time.OffsetDateTime;
import java.util.List;
import org.shuangsuiji.catalog.domain.IndustryScenario;
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.domain.ScenarioItem;

public record ScenarioView(
        String code,
        int version,
        LifecycleStatus status,
        String name,
        String industryCode,
        String description,
        String leadDepartment,
        List<String> cooperatingDepartments,
        List<ScenarioItem> items,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        String publishedBy,
        OffsetDateTime publishedAt,
        String retiredBy,
        OffsetDateTime retiredAt) {

    public static ScenarioView of(IndustryScenario s) {
        return new ScenarioView(s.code, s.version, s.status, s.name, s.industryCode, s.description, s.leadDepartment,
                s.cooperatingDepartments, s.items, s.createdBy, s.createdAt, s.updatedBy, s.updatedAt, s.publishedBy,
                s.publishedAt, s.retiredBy, s.retiredAt);
    }
}
