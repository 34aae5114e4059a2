package org.shuangsuiji.draw.algorithm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.DrawRecords;
import org.shuangsuiji.draw.algorithm.record.Substitution;
import org.shuangsuiji.draw.algorithm.record.Team;
import org.shuangsuiji.draw.algorithm.record.TeamMember;

/**
 * Replacing an inspector after the draw (recusal, unavailability) without re-drawing: the joining inspector is the
 * first one in the subject's keyed inspector order who was never in that team, is eligible under the frozen lists
 * (workload counted over the current teams of the whole draw) and leaves the team satisfying every team rule with the
 * leaving inspector gone. Substitutions chain by hash from the record hash. A pure function of its arguments.
 */
public final class Substitutions {
    private Substitutions() {}

    /**
     * The next substitution of a draw.
     *
     * @param record             the computed record
     * @param previous           the substitutions already appended, in sequence order
     * @param inspectors         the frozen eligible-inspector list (hash must match the announcement)
     * @param conflicts          the frozen conflict matrix (hash must match the announcement)
     * @param uscc               the subject whose team changes
     * @param leavingInspectorId who leaves (must be a current member)
     * @param reason             why, e.g. {@code RECUSAL: 亲属关系}
     * @param approvedBy         who approved
     * @param approvedAt         when
     * @return the substitution to append (sequence and hash chain filled in)
     * @throws DrawInputException if the subject has no team, the inspector is not a current member, or no single
     *                            eligible inspector keeps the team valid (nothing is relaxed: escalate)
     */
    public static Substitution next(DrawRecord record, List<Substitution> previous, List<InspectorCandidate> inspectors,
            ConflictMatrix conflicts, String uscc, String leavingInspectorId, String reason, String approvedBy,
            Instant approvedAt) {
        if (reason == null || reason.isBlank()) {
            throw new DrawInputException("reason", "is required");
        }
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new DrawInputException("approvedBy", "is required");
        }
        if (approvedAt == null) {
            throw new DrawInputException("approvedAt", "is required");
        }
        DrawComputer.checkFrozenInspectors(record.announcement(), inspectors, conflicts);
        TeamAssigner assigner = new TeamAssigner(Hex.parse(record.key()), record.announcement().team(), inspectors,
                conflicts);
        Map<String, List<String>> current = currentTeams(record, previous);
        Map<String, Set<String>> ever = new LinkedHashMap<>();
        for (Team team : record.teams()) {
            Set<String> ids = new HashSet<>();
            team.members().forEach(m -> ids.add(m.inspectorId()));
            ever.put(team.uscc(), ids);
        }
        for (Substitution s : previous) {
            ever.get(s.uscc()).add(s.joiningInspectorId());
        }
        for (List<String> members : current.values()) {
            members.forEach(id -> assigner.addAssignment(id, 1));
        }
        List<String> members = current.get(uscc);
        if (members == null) {
            throw new DrawInputException("uscc", uscc + " has no team in this draw");
        }
        if (!members.contains(leavingInspectorId)) {
            throw new DrawInputException("inspectorId", leavingInspectorId + " is not a current member of the team of "
                    + uscc);
        }
        assigner.addAssignment(leavingInspectorId, -1);
        TeamMember joining = assigner.replacement(uscc, members, ever.get(uscc), leavingInspectorId);
        if (joining == null) {
            throw new DrawInputException("inspectorId", "no eligible inspector can replace " + leavingInspectorId
                    + " in the team of " + uscc + " without breaking a team rule; no rule is relaxed, escalate");
        }
        String previousSha256 = previous.isEmpty() ? DrawRecords.recordSha256(record)
                : DrawRecords.substitutionSha256(previous.get(previous.size() - 1));
        return new Substitution(previous.size() + 1, previousSha256, uscc, leavingInspectorId,
                joining.inspectorId(), joining.department(), joining.kind(), joining.position(), reason, approvedBy,
                approvedAt);
    }

    /** The teams after applying the substitutions in order: uscc → member ids. */
    public static Map<String, List<String>> currentTeams(DrawRecord record, List<Substitution> substitutions) {
        Map<String, List<String>> current = new LinkedHashMap<>();
        for (Team team : record.teams()) {
            List<String> ids = new ArrayList<>();
            team.members().forEach(m -> ids.add(m.inspectorId()));
            current.put(team.uscc(), ids);
        }
        for (Substitution s : substitutions) {
            List<String> ids = current.get(s.uscc());
            if (ids == null || !ids.remove(s.leavingInspectorId())) {
                throw new DrawInputException("substitutions[" + (s.sequence() - 1) + "]", s.leavingInspectorId()
                        + " is not a current member of the team of " + s.uscc());
            }
            ids.add(s.joiningInspectorId());
        }
        return current;
    }
}
