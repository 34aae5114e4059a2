package org.shuangsuiji.draw.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Data of the {@code draw.*} events (docs/events.md). No risk class and no conflict is ever in them. */
public final class DrawEvents {

    public static final String ANNOUNCED = "draw.announced";
    public static final String COMPLETED = "draw.completed";
    public static final String SUBSTITUTED = "draw.substituted";
    public static final int SCHEMA_VERSION = 1;

    private DrawEvents() {}

    public record Announced(UUID drawId, UUID taskId, UUID planId, String taskName, int batch,
            String leadDepartment, List<String> cooperatingDepartments, String selectionAlgorithm,
            String announcementSha256, List<StratumCount> strata, int exclusions, List<String> entropySources,
            LocalDate inspectionFrom, LocalDate inspectionTo, String announcedBy, OffsetDateTime announcedAt) {}

    /** Counts and hashes only; which class a stratum is stays out of public events (the id is enough to verify). */
    public record StratumCount(String stratum, long poolCount, String poolSha256, long eligible, int quota) {}

    /**
     * The completed draw for inspection-service and publication-service, split into {@code parts} events of at most
     * {@code draw.completed-part-size} subjects each (part 1 … parts); every part repeats the task data.
     */
    public record Completed(UUID drawId, UUID taskId, UUID planId, String taskName, int batch, String leadDepartment,
            List<String> cooperatingDepartments, String drawLevel, boolean joint, List<Item> items,
            String recordSha256, String riskClassApplicationRate, int selectedCount, int infeasibleCount,
            DeadlineBasis deadlineBasis, int part, int parts, List<DrawnSubject> subjects, String computedBy,
            OffsetDateTime computedAt) {}

    public record Item(String department, String code, int version) {}

    /** Deadlines are counted in Chinese working days from these (inspection-service computes them). */
    public record DeadlineBasis(LocalDate drawnOn, LocalDate inspectionFrom, LocalDate inspectionTo,
            int inspectWorkingDays, int resultEntryWorkingDays) {}

    public record DrawnSubject(String uscc, String name, int order, List<Member> team, String infeasibleReason) {}

    public record Member(String inspectorId, String name, String department, String kind, String role) {}

    public record Substituted(UUID drawId, UUID taskId, int sequence, String uscc, String leavingInspectorId,
            String joiningInspectorId, String joiningInspectorName, String joiningDepartment, String reason,
            String approvedBy, OffsetDateTime approvedAt, String sha256) {}
}
