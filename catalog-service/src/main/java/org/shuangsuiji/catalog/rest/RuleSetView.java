package org.shuangsuiji.catalog.rest;

import java.time.OffsetDateTime;
import java.util.List;
import org.shuangsuiji.catalog.domain.InspectionWindow;
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.domain.RuleSet;
import org.shuangsuiji.catalog.service.RulesPublished;

public record RuleSetView(
        String key,
        String department,
        String itemCode,
        int version,
        LifecycleStatus status,
        RulesPublished.Ratios ratios,
        int minimumCount,
        Integer maxInspectionsPerSubjectPerYear,
        List<InspectionWindow> windows,
        boolean classANotTwicePerYear,
        int inspectWorkingDays,
        int resultEntryWorkingDays,
        String remarks,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        String publishedBy,
        OffsetDateTime publishedAt) {

    public static RuleSetView of(RuleSet r) {
        return new RuleSetView(r.ruleKey, r.department, r.itemCode, r.version, r.status, RulesPublished.Ratios.of(r),
                r.minimumCount, r.maxInspectionsPerSubjectPerYear, r.windows, r.classANotTwicePerYear,
                r.inspectWorkingDays, r.resultEntryWorkingDays, r.remarks, r.createdBy, r.createdAt, r.updatedBy,
                r.updatedAt, r.publishedBy, r.publishedAt);
    }
}
