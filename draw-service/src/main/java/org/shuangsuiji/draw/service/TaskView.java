package org.shuangsuiji.draw.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.shuangsuiji.draw.domain.DrawLevel;
import org.shuangsuiji.draw.domain.ItemRef;
import org.shuangsuiji.draw.domain.SubjectScope;
import org.shuangsuiji.draw.domain.Task;

/** A task as the API and the published plan show it, with its quota rule spelled out. */
public record TaskView(
        UUID id,
        UUID planId,
        int seq,
        String name,
        boolean joint,
        String leadDepartment,
        List<String> cooperatingDepartments,
        DrawLevel drawLevel,
        String scenario,
        List<ItemRef> items,
        SubjectScope scope,
        Map<String, String> ratios,
        String ratioSource,
        int minimumCount,
        String quotaRule,
        String frequency,
        LocalDate periodFrom,
        LocalDate periodTo,
        int batches,
        int teamSize,
        String remarks,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt) {

    /** Published with every task, so anyone can recompute a quota. */
    public static final String QUOTA_RULE = "per stratum of N eligible subjects: N if N < minimumCount, otherwise "
            + "max(ceil(ratio × N), minimumCount), ratio × N computed exactly in decimal and rounded up";

    public static TaskView of(Task t) {
        Map<String, String> ratios = new LinkedHashMap<>();
        ratios.put("A", t.ratioA.stripTrailingZeros().toPlainString());
        ratios.put("B", t.ratioB.stripTrailingZeros().toPlainString());
        ratios.put("C", t.ratioC.stripTrailingZeros().toPlainString());
        ratios.put("D", t.ratioD.stripTrailingZeros().toPlainString());
        return new TaskView(t.id, t.planId, t.seq, t.name, t.joint, t.leadDepartment, List.copyOf(t.cooperatingDepartments),
                t.drawLevel, t.scenarioCode == null ? null : t.scenarioCode + "@" + t.scenarioVersion,
                List.copyOf(t.items), t.scope, ratios, t.ratioSource, t.minimumCount, QUOTA_RULE, t.frequency,
                t.periodFrom, t.periodTo, t.batches, t.teamSize, t.remarks, t.createdBy, t.createdAt, t.updatedBy,
                t.updatedAt);
    }
}
