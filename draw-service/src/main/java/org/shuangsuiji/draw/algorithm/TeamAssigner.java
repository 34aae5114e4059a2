package org.shuangsuiji.draw.algorithm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.shuangsuiji.draw.algorithm.record.Infeasible;
import org.shuangsuiji.draw.algorithm.record.Team;
import org.shuangsuiji.draw.algorithm.record.TeamMember;
import org.shuangsuiji.draw.algorithm.record.TeamRules;

/**
 * {@code ssj-teams/1}: for each selected subject, in ascending subject score, a deterministic greedy over the
 * subject's keyed inspector order ({@link InspectorOrder}). An inspector is eligible for a subject when its department
 * takes part, its certificate covers the inspection days (officers must have one), no unavailability period overlaps
 * them, it has no conflict with the subject and {@code priorAssignments} + assignments made earlier in this draw is
 * below its yearly cap. Picks, each the first eligible inspector in the order not yet in the team that fits:
 * <ol>
 *   <li>for each participating department, lead first: an officer of that department ({@code DEPARTMENT});</li>
 *   <li>while officers &lt; minOfficers: an officer ({@code OFFICER});</li>
 *   <li>for each required tag in sorted order not yet covered: an inspector of any kind with it ({@code TAG:t});</li>
 *   <li>while members &lt; minTeamSize: an officer ({@code SIZE}).</li>
 * </ol>
 * If a pick finds nobody, the subject is infeasible with that reason and consumes no workload. There is no upper team
 * size, so the greedy only fails when no valid team exists. Not thread-safe.
 */
public final class TeamAssigner {
    private final TeamRules rules;
    private final Hmac hmac;
    private final InspectorCandidate[] inspectors;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final boolean[] staticEligible;
    private final boolean[] officer;
    private final int[] assigned;
    private final ConflictMatrix conflicts;
    private final List<String> tags;
    // How many inspectors could still fill each kind of pick, ignoring conflicts and the team at hand (statically
    // eligible, workload left): when one is zero the pick fails at once, exactly as walking the whole order would.
    private final int[] departmentOf;
    private final int[] officersLeft;
    private final int[] tagHoldersLeft;
    private int officersLeftTotal;

    /** A selected subject to be given a team. */
    public record Subject(String uscc, String stratum) {}

    /** Teams and infeasible subjects, both in assignment order. */
    public record Outcome(List<Team> teams, List<Infeasible> infeasible) {}

    /**
     * @param key        the 32-byte draw key
     * @param rules      the announced team rules
     * @param inspectors the frozen eligible-inspector list (any order; ranked by id byte order)
     * @param conflicts  the frozen conflict matrix
     */
    public TeamAssigner(byte[] key, TeamRules rules, List<InspectorCandidate> inspectors, ConflictMatrix conflicts) {
        checkRules(rules);
        this.rules = rules;
        this.hmac = new Hmac(key);
        this.conflicts = conflicts;
        this.inspectors = InspectorPools.canonical(inspectors).toArray(InspectorCandidate[]::new);
        this.tags = new ArrayList<>(new TreeSet<>(rules.requiredTags()));
        int m = this.inspectors.length;
        staticEligible = new boolean[m];
        officer = new boolean[m];
        assigned = new int[m];
        Set<String> departments = new HashSet<>(rules.departments());
        departmentOf = new int[m];
        officersLeft = new int[rules.departments().size()];
        tagHoldersLeft = new int[tags.size()];
        for (int i = 0; i < m; i++) {
            InspectorCandidate c = this.inspectors[i];
            indexById.put(c.id(), i);
            officer[i] = c.kind() == InspectorKind.OFFICER;
            departmentOf[i] = rules.departments().indexOf(c.department());
            staticEligible[i] = departments.contains(c.department())
                    && certificateCovers(c, rules.inspectionFrom(), rules.inspectionTo())
                    && available(c, rules.inspectionFrom(), rules.inspectionTo());
            if (staticEligible[i] && hasCapacity(i)) {
                count(i, 1);
            }
        }
    }

    private boolean hasCapacity(int i) {
        Integer cap = inspectors[i].yearlyWorkloadCap();
        return cap == null || inspectors[i].priorAssignments() + assigned[i] < cap;
    }

    private void count(int i, int delta) {
        if (officer[i]) {
            officersLeft[departmentOf[i]] += delta;
            officersLeftTotal += delta;
        }
        for (int t = 0; t < tags.size(); t++) {
            if (inspectors[i].expertise().contains(tags.get(t))) {
                tagHoldersLeft[t] += delta;
            }
        }
    }

    /** Validates team rules as announced. */
    public static void checkRules(TeamRules rules) {
        if (rules == null) {
            throw new DrawInputException("team", "is required");
        }
        if (!TeamRules.ALGORITHM.equals(rules.algorithm())) {
            throw new DrawInputException("team.algorithm", "must be " + TeamRules.ALGORITHM);
        }
        if (rules.minOfficers() < 2) {
            throw new DrawInputException("team.minOfficers", "at least 2 enforcement officers (不少于2名)");
        }
        if (rules.minTeamSize() < 2) {
            throw new DrawInputException("team.minTeamSize", "must be at least 2 (got " + rules.minTeamSize() + ")");
        }
        if (rules.departments().isEmpty() || new HashSet<>(rules.departments()).size() != rules.departments().size()) {
            throw new DrawInputException("team.departments", "name each participating department once, lead first");
        }
        if (rules.inspectionFrom() == null || rules.inspectionTo() == null
                || rules.inspectionTo().isBefore(rules.inspectionFrom())) {
            throw new DrawInputException("team.inspectionTo", "inspection days need from ≤ to");
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(rules.requiredTags()));
        if (!sorted.equals(rules.requiredTags())) {
            throw new DrawInputException("team.requiredTags", "must be sorted and distinct");
        }
    }

    /** Assignment order: ascending score HMAC-SHA-256(key, "subject:" + uscc), the subject ranking's score. */
    public static List<Subject> assignmentOrder(byte[] key, List<Subject> subjects) {
        Hmac keyed = new Hmac(key);
        record Scored(Subject subject, byte[] score) {}
        List<Scored> scored = new ArrayList<>(subjects.size());
        for (Subject s : subjects) {
            scored.add(new Scored(s, SubjectRanking.score(keyed, s.uscc())));
        }
        scored.sort(Comparator.<Scored, byte[]>comparing(Scored::score, Arrays::compareUnsigned)
                .thenComparing(x -> x.subject().uscc(), PoolHasher::compareBytes));
        return scored.stream().map(Scored::subject).toList();
    }

    /** Assigns teams to the subjects in the given order (use {@link #assignmentOrder}). */
    public Outcome assign(List<Subject> subjectsInOrder) {
        List<Team> teams = new ArrayList<>();
        List<Infeasible> infeasible = new ArrayList<>();
        int order = 0;
        for (Subject subject : subjectsInOrder) {
            order++;
            Attempt attempt = build(subject.uscc());
            if (attempt.reason != null) {
                infeasible.add(new Infeasible(order, subject.uscc(), subject.stratum(), attempt.reason));
                continue;
            }
            List<TeamMember> members = new ArrayList<>();
            for (int k = 0; k < attempt.members.size(); k++) {
                int i = attempt.members.get(k);
                assigned[i]++;
                if (!hasCapacity(i)) {
                    count(i, -1);
                }
                members.add(member(i, attempt.positions.get(k), attempt.roles.get(k)));
            }
            teams.add(new Team(order, subject.uscc(), subject.stratum(), members));
        }
        return new Outcome(teams, infeasible);
    }

    private static final class Attempt {
        final List<Integer> members = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();
        final List<String> roles = new ArrayList<>();
        String reason;
    }

    private Attempt build(String uscc) {
        Attempt a = new Attempt();
        InspectorOrder order = new InspectorOrder(hmac, uscc, inspectors.length);
        boolean[] conflicted = conflictedWith(uscc);
        Set<Integer> inTeam = new HashSet<>();
        IntPredicate usable = i -> !inTeam.contains(i) && eligible(i, conflicted);
        for (int d = 0; d < rules.departments().size(); d++) {
            String department = rules.departments().get(d);
            int index = d;
            if (!pick(a, order, inTeam, i -> usable.test(i) && officer[i] && departmentOf[i] == index, "DEPARTMENT",
                    officersLeft[d])) {
                a.reason = "no eligible enforcement officer of department " + department + since();
                return a;
            }
        }
        while (countOfficers(a.members) < rules.minOfficers()) {
            if (!pick(a, order, inTeam, i -> usable.test(i) && officer[i], "OFFICER", officersLeftTotal)) {
                a.reason = "fewer than " + rules.minOfficers() + " eligible enforcement officers" + since();
                return a;
            }
        }
        for (int t = 0; t < tags.size(); t++) {
            String tag = tags.get(t);
            if (a.members.stream().anyMatch(i -> inspectors[i].expertise().contains(tag))) {
                continue;
            }
            if (!pick(a, order, inTeam, i -> usable.test(i) && inspectors[i].expertise().contains(tag), "TAG:" + tag,
                    tagHoldersLeft[t])) {
                a.reason = "no eligible inspector with expertise " + tag + since();
                return a;
            }
        }
        while (a.members.size() < rules.minTeamSize()) {
            if (!pick(a, order, inTeam, i -> usable.test(i) && officer[i], "SIZE", officersLeftTotal)) {
                a.reason = "fewer than " + rules.minTeamSize() + " eligible members" + since();
                return a;
            }
        }
        return a;
    }

    private static String since() {
        return " (after conflicts of interest, certificates, availability and workload caps)";
    }

    private boolean pick(Attempt a, InspectorOrder order, Set<Integer> inTeam, IntPredicate fits, String role,
            int candidatesLeft) {
        int position = candidatesLeft == 0 ? -1 : first(order, fits);
        if (position < 0) {
            return false;
        }
        int i = order.at(position);
        inTeam.add(i);
        a.members.add(i);
        a.positions.add(position);
        a.roles.add(role);
        return true;
    }

    /** Positions walked before checking whether anybody fits at all (the order is a permutation of everyone). */
    private static final int WALK_BEFORE_EXISTENCE_CHECK = 64;

    private int first(InspectorOrder order, IntPredicate fits) {
        for (int position = 0; position < order.size(); position++) {
            if (position == WALK_BEFORE_EXISTENCE_CHECK && !anyFits(fits)) {
                // Nobody fits anywhere in the list, so walking the rest of the order would find nobody either: the
                // same answer, without producing up to thousands more positions.
                return -1;
            }
            if (fits.test(order.at(position))) {
                return position;
            }
        }
        return -1;
    }

    private boolean anyFits(IntPredicate fits) {
        for (int i = 0; i < inspectors.length; i++) {
            if (fits.test(i)) {
                return true;
            }
        }
        return false;
    }

    private int countOfficers(List<Integer> members) {
        int n = 0;
        for (int i : members) {
            if (officer[i]) {
                n++;
            }
        }
        return n;
    }

    /** Null when the subject has no conflicts (most subjects): saves an array per subject. */
    private boolean[] conflictedWith(String uscc) {
        Set<String> ids = conflicts.inspectorsInConflictWith(uscc);
        if (ids.isEmpty()) {
            return null;
        }
        boolean[] conflicted = new boolean[inspectors.length];
        for (String id : ids) {
            Integer i = indexById.get(id);
            if (i != null) {
                conflicted[i] = true;
            }
        }
        return conflicted;
    }

    private boolean eligible(int i, boolean[] conflicted) {
        return staticEligible[i] && (conflicted == null || !conflicted[i]) && hasCapacity(i);
    }

    private TeamMember member(int i, int position, String role) {
        InspectorCandidate c = inspectors[i];
        return new TeamMember(c.id(), c.department(), c.kind().name(), position, role);
    }

    static boolean certificateCovers(InspectorCandidate c, LocalDate from, LocalDate to) {
        if (c.certificateValidTo() == null && c.certificateValidFrom() == null) {
            return c.kind() == InspectorKind.EXPERT;
        }
        if (c.kind() == InspectorKind.OFFICER && c.certificateValidTo() == null) {
            return false;
        }
        boolean startsInTime = c.certificateValidFrom() == null || !c.certificateValidFrom().isAfter(from);
        boolean lastsLongEnough = c.certificateValidTo() == null || !c.certificateValidTo().isBefore(to);
        return startsInTime && lastsLongEnough;
    }

    static boolean available(InspectorCandidate c, LocalDate from, LocalDate to) {
        for (Unavailability u : c.unavailable()) {
            if (!u.from().isAfter(to) && !u.to().isBefore(from)) {
                return false;
            }
        }
        return true;
    }

    // --- substitution support (used by Substitutions) ---

    int indexOf(String inspectorId) {
        Integer i = indexById.get(inspectorId);
        return i == null ? -1 : i;
    }

    void addAssignment(String inspectorId, int delta) {
        int i = indexOf(inspectorId);
        if (i >= 0) {
            boolean before = staticEligible[i] && hasCapacity(i);
            assigned[i] += delta;
            boolean after = staticEligible[i] && hasCapacity(i);
            if (before != after) {
                count(i, after ? 1 : -1);
            }
        }
    }

    /**
     * The first inspector in the subject's order, never before in its team, eligible, such that the team without
     * {@code leaving} and with it satisfies every team rule; null if none.
     */
    TeamMember replacement(String uscc, List<String> currentMembers, Set<String> everMembers, String leaving) {
        InspectorOrder order = new InspectorOrder(hmac, uscc, inspectors.length);
        boolean[] conflicted = conflictedWith(uscc);
        List<Integer> remaining = new ArrayList<>();
        for (String id : currentMembers) {
            if (!id.equals(leaving)) {
                remaining.add(indexOf(id));
            }
        }
        for (int position = 0; position < order.size(); position++) {
            int i = order.at(position);
            if (everMembers.contains(inspectors[i].id()) || !eligible(i, conflicted)) {
                continue;
            }
            List<Integer> team = new ArrayList<>(remaining);
            team.add(i);
            if (satisfiesRules(team)) {
                return member(i, position, "SUBSTITUTE");
            }
        }
        return null;
    }

    private boolean satisfiesRules(List<Integer> team) {
        if (team.size() < rules.minTeamSize() || countOfficers(team) < rules.minOfficers()) {
            return false;
        }
        for (String department : rules.departments()) {
            if (team.stream().noneMatch(i -> i >= 0 && officer[i] && inspectors[i].department().equals(department))) {
                return false;
            }
        }
        for (String tag : tags) {
            if (team.stream().noneMatch(i -> i >= 0 && inspectors[i].expertise().contains(tag))) {
                return false;
            }
        }
        return true;
    }
}
