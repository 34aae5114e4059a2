package org.shuangsuiji.draw.algorithm.record;

import java.time.Instant;

/**
 * A replacement appended after the draw: an inspector leaves a team (recusal, unavailability) and the next eligible
 * inspector in the subject's keyed order joins. Substitutions form a hash chain on the record.
 *
 * @param sequence           1-based, consecutive over the whole draw
 * @param previousSha256     record hash for sequence 1, else the previous substitution's hash
 * @param uscc               the subject whose team changes
 * @param leavingInspectorId who leaves
 * @param joiningInspectorId who joins
 * @param joiningDepartment  the joining inspector's department
 * @param joiningKind        {@code OFFICER} or {@code EXPERT}
 * @param position           the joining inspector's 0-based position in the subject's keyed order
 * @param reason             why the leaving inspector leaves, e.g. {@code RECUSAL: 亲属关系}
 * @param approvedBy         who approved
 * @param approvedAt         when (truncated to seconds)
 */
public record Substitution(
        int sequence,
        String previousSha256,
        String uscc,
        String leavingInspectorId,
        String joiningInspectorId,
        String joiningDepartment,
        String joiningKind,
        int position,
        String reason,
        String approvedBy,
        Instant approvedAt) {

    public Substitution {
        approvedAt = Lists.seconds(approvedAt);
    }
}
