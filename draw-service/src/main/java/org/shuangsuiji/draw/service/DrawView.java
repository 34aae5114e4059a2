package org.shuangsuiji.draw.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.shuangsuiji.draw.domain.DrawStatus;

/** A draw's state for the API: what was announced (hashes, counts, quotas), which values are in, the result. */
public record DrawView(
        UUID id,
        UUID taskId,
        UUID planId,
        int batch,
        DrawStatus status,
        String selectionAlgorithm,
        LocalDate inspectionFrom,
        LocalDate inspectionTo,
        String announcementSha256,
        String announcedBy,
        OffsetDateTime announcedAt,
        List<StratumSummary> strata,
        int exclusions,
        List<SourceState> entropySources,
        Result result) {

    /** A stratum by its opaque public id: which risk class it is stays confidential (strata map). */
    public record StratumSummary(String stratum, long poolCount, String poolSha256, long eligible, int quota) {}

    public record SourceState(String name, String kind, String description, String commitment, boolean revealed,
            String enteredBy, OffsetDateTime enteredAt) {}

    public record Result(String recordSha256, int selected, int infeasible, String riskClassApplicationRate,
            String computedBy, OffsetDateTime computedAt) {}
}
