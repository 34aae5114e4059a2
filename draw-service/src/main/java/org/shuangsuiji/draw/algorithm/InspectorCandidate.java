package org.shuangsuiji.draw.algorithm;

import java.time.LocalDate;
import java.util.List;

/**
 * One inspector of the frozen eligible-inspector list (no personal data). The list's hash
 * ({@link InspectorPools#sha256(java.util.List)}) is announced; the verifier reads the same list.
 *
 * @param id                   inspector id (lower-case UUID text)
 * @param department           the inspector's department code
 * @param kind                 officer or expert
 * @param certificateValidFrom first valid day of the 执法证, null if none or unbounded
 * @param certificateValidTo   last valid day of the 执法证, null if none (an officer without one is never eligible)
 * @param expertise            expertise tags
 * @param unavailable          periods in which the inspector cannot inspect
 * @param yearlyWorkloadCap    inspections per year, null for no cap
 * @param priorAssignments     inspections already assigned this year before this draw (≥ 0)
 */
public record InspectorCandidate(
        String id,
        String department,
        InspectorKind kind,
        LocalDate certificateValidFrom,
        LocalDate certificateValidTo,
        List<String> expertise,
        List<Unavailability> unavailable,
        Integer yearlyWorkloadCap,
        int priorAssignments) {

    public InspectorCandidate {
        expertise = expertise == null ? List.of() : List.copyOf(expertise);
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
    }
}
