package org.shuangsuiji.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.Substitution;
import org.shuangsuiji.draw.algorithm.record.Team;
import org.shuangsuiji.draw.algorithm.record.TeamMember;
import org.shuangsuiji.draw.algorithm.record.TeamRules;

class TeamAssignerTest {
    private static final byte[] KEY = Hex.parse("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final LocalDate FROM = LocalDate.of(2026, 11, 25);
    private static final LocalDate TO = LocalDate.of(2026, 12, 1);

    private static InspectorCandidate officer(String id, String department, String... tags) {
        return new InspectorCandidate(id, department, InspectorKind.OFFICER, LocalDate.of(2020, 1, 1),
                LocalDate.of(2028, 1, 1), List.of(tags), List.of(), null, 0);
    }

    private static InspectorCandidate expert(String id, String department, String... tags) {
        return new InspectorCandidate(id, department, InspectorKind.EXPERT, null, null, List.of(tags), List.of(), null,
                0);
    }

    private static TeamRules rules(int size, List<String> tags, String... departments) {
        return new TeamRules(TeamRules.ALGORITHM, size, 2, tags, List.of(departments), FROM, TO);
    }

    private static List<InspectorCandidate> roster() {
        List<InspectorCandidate> list = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            list.add(officer("fgj-" + i, "YC-FGJ"));
            list.add(officer("scj-" + i, "YC-SCJGJ"));
        }
        list.add(expert("expert-grain", "YC-FGJ", "GRAIN"));
        return list;
    }

    private static List<TeamAssigner.Subject> subjects(int n) {
        List<TeamAssigner.Subject> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new TeamAssigner.Subject(DrawFixture.uscc(i), "A"));
        }
        return TeamAssigner.assignmentOrder(KEY, out);
    }

    private static TeamAssigner.Outcome assign(TeamRules rules, List<InspectorCandidate> inspectors,
            List<ConflictPair> conflicts, int subjects) {
        return new TeamAssigner(KEY, rules, inspectors, ConflictMatrix.of(conflicts)).assign(subjects(subjects));
    }

    @Test
    void everyTeamHasTwoOfficersOneOfEachDepartmentAndTheRequiredTag() {
        TeamAssigner.Outcome outcome = assign(rules(2, List.of("GRAIN"), "YC-FGJ", "YC-SCJGJ"), roster(), List.of(), 8);
        assertThat(outcome.infeasible()).isEmpty();
        for (Team team : outcome.teams()) {
            List<TeamMember> m = team.members();
            assertThat(m.stream().filter(x -> x.kind().equals("OFFICER")).count()).isGreaterThanOrEqualTo(2);
            assertThat(m).extracting(TeamMember::department).contains("YC-FGJ", "YC-SCJGJ");
            assertThat(m.get(0).role()).isEqualTo("DEPARTMENT");
            assertThat(m.get(0).department()).isEqualTo("YC-FGJ");
            assertThat(m.get(1).department()).isEqualTo("YC-SCJGJ");
            assertThat(m).extracting(TeamMember::inspectorId).contains("expert-grain");
            assertThat(m.get(2).role()).isEqualTo("TAG:GRAIN");
        }
    }

    @Test
    void theSameKeyGivesTheSameTeamsAndAnotherKeyOtherTeams() {
        TeamRules rules = rules(3, List.of(), "YC-FGJ", "YC-SCJGJ");
        TeamAssigner.Outcome a = assign(rules, roster(), List.of(), 10);
        assertThat(assign(rules, roster(), List.of(), 10)).isEqualTo(a);
        TeamAssigner.Outcome b = new TeamAssigner(Sha256.digest(KEY), rules, roster(), ConflictMatrix.empty())
                .assign(subjects(10));
        assertThat(b.teams()).isNotEqualTo(a.teams());
    }

    @Test
    void expertsNeverCountTowardTheTwoOfficers() {
        List<InspectorCandidate> list = List.of(officer("o-1", "YC-FGJ"), expert("e-1", "YC-FGJ"),
                expert("e-2", "YC-FGJ"));
        TeamAssigner.Outcome outcome = assign(rules(2, List.of(), "YC-FGJ"), list, List.of(), 1);
        assertThat(outcome.teams()).isEmpty();
        assertThat(outcome.infeasible().get(0).reason()).startsWith("fewer than 2 eligible enforcement officers");
    }

    @Test
    void aConflictedInspectorIsNeverInThatSubjectsTeam() {
        List<InspectorCandidate> list = List.of(officer("o-1", "YC-FGJ"), officer("o-2", "YC-FGJ"),
                officer("o-3", "YC-FGJ"));
        String uscc = DrawFixture.uscc(0);
        for (String id : List.of("o-1", "o-2", "o-3")) {
            TeamAssigner.Outcome outcome = new TeamAssigner(KEY, rules(2, List.of(), "YC-FGJ"), list,
                    ConflictMatrix.of(List.of(new ConflictPair(id, uscc)))).assign(
                    List.of(new TeamAssigner.Subject(uscc, "A")));
            assertThat(outcome.teams().get(0).members()).extracting(TeamMember::inspectorId).doesNotContain(id)
                    .hasSize(2);
        }
    }

    @Test
    void expiredCertificatesAndLeaveOverlappingTheInspectionDaysMakeInspectorsIneligible() {
        List<InspectorCandidate> list = List.of(
                new InspectorCandidate("expires", "YC-FGJ", InspectorKind.OFFICER, LocalDate.of(2020, 1, 1),
                        LocalDate.of(2026, 11, 30), List.of(), List.of(), null, 0),
                new InspectorCandidate("on-leave", "YC-FGJ", InspectorKind.OFFICER, LocalDate.of(2020, 1, 1),
                        LocalDate.of(2028, 1, 1), List.of(),
                        List.of(new Unavailability(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 9), "LEAVE")),
                        null, 0),
                new InspectorCandidate("no-certificate", "YC-FGJ", InspectorKind.OFFICER, null, null, List.of(),
                        List.of(), null, 0),
                officer("ok-1", "YC-FGJ"), officer("ok-2", "YC-FGJ"));
        TeamAssigner.Outcome outcome = assign(rules(2, List.of(), "YC-FGJ"), list, List.of(), 5);
        assertThat(outcome.teams()).allSatisfy(t -> assertThat(t.members()).extracting(TeamMember::inspectorId)
                .containsExactlyInAnyOrder("ok-1", "ok-2"));
    }

    @Test
    void theWorkloadCapCountsPriorAssignmentsAndThoseOfThisDraw() {
        List<InspectorCandidate> list = List.of(
                new InspectorCandidate("a", "YC-FGJ", InspectorKind.OFFICER, null, LocalDate.of(2028, 1, 1), List.of(),
                        List.of(), 3, 1),
                new InspectorCandidate("b", "YC-FGJ", InspectorKind.OFFICER, null, LocalDate.of(2028, 1, 1), List.of(),
                        List.of(), 2, 0),
                new InspectorCandidate("c", "YC-FGJ", InspectorKind.OFFICER, null, LocalDate.of(2028, 1, 1), List.of(),
                        List.of(), 2, 0));
        TeamAssigner.Outcome outcome = assign(rules(2, List.of(), "YC-FGJ"), list, List.of(), 5);
        // capacity: a 3 - 1 = 2, b 2, c 2: six places, two per team, so at most three teams
        assertThat(outcome.teams().size()).isBetween(2, 3);
        assertThat(outcome.teams().size() + outcome.infeasible().size()).isEqualTo(5);
        assertThat(outcome.infeasible()).allSatisfy(i -> assertThat(i.reason()).contains("workload caps"));
        for (String id : List.of("a", "b", "c")) {
            long uses = outcome.teams().stream().flatMap(t -> t.members().stream())
                    .filter(m -> m.inspectorId().equals(id)).count();
            assertThat(uses).as(id).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aJointTaskWithoutAnOfficerOfOneDepartmentIsInfeasibleNamingIt() {
        List<InspectorCandidate> list = List.of(officer("f-1", "YC-FGJ"), officer("f-2", "YC-FGJ"),
                expert("s-e", "YC-SCJGJ"));
        TeamAssigner.Outcome outcome = assign(rules(2, List.of(), "YC-FGJ", "YC-SCJGJ"), list, List.of(), 1);
        assertThat(outcome.infeasible().get(0).reason())
                .startsWith("no eligible enforcement officer of department YC-SCJGJ");
    }

    @Test
    void aMissingExpertiseIsInfeasibleNamingTheTag() {
        TeamAssigner.Outcome outcome = assign(rules(2, List.of("METROLOGY"), "YC-FGJ"), roster(), List.of(), 2);
        assertThat(outcome.infeasible()).hasSize(2);
        assertThat(outcome.infeasible().get(0).reason()).startsWith("no eligible inspector with expertise METROLOGY");
    }

    @Test
    void aRareTagFarDownTheOrderIsFoundAndItsAbsenceReportedAtOnce() {
        List<InspectorCandidate> list = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            list.add(officer(String.format("o-%03d", i), "YC-FGJ"));
        }
        list.add(new InspectorCandidate("rare", "YC-FGJ", InspectorKind.EXPERT, null, null, List.of("RARE"), List.of(),
                3, 0));
        TeamAssigner.Outcome outcome = assign(rules(2, List.of("RARE"), "YC-FGJ"), list, List.of(), 5);
        assertThat(outcome.teams()).hasSize(3).allSatisfy(t -> assertThat(t.members()).last()
                .satisfies(m -> assertThat(m.inspectorId()).isEqualTo("rare")));
        assertThat(outcome.teams()).anySatisfy(t -> assertThat(t.members().get(2).position()).isGreaterThan(64));
        assertThat(outcome.infeasible()).hasSize(2).allSatisfy(i -> assertThat(i.reason())
                .startsWith("no eligible inspector with expertise RARE"));
    }

    @Test
    void inspectorsOfOtherDepartmentsAreNeverDrawn() {
        TeamAssigner.Outcome outcome = assign(rules(3, List.of(), "YC-FGJ"), roster(), List.of(), 6);
        assertThat(outcome.teams()).allSatisfy(t -> assertThat(t.members()).extracting(TeamMember::department)
                .containsOnly("YC-FGJ"));
    }

    @Test
    void refusesTeamRulesBelowTwo() {
        assertThatThrownBy(() -> TeamAssigner.checkRules(rules(1, List.of(), "YC-FGJ")))
                .hasMessageStartingWith("team.minTeamSize");
        assertThatThrownBy(() -> TeamAssigner.checkRules(rules(2, List.of("B", "A"), "YC-FGJ")))
                .hasMessageStartingWith("team.requiredTags");
    }

    @Test
    void aSubstituteIsTheNextEligibleInspectorInKeyOrderKeepingEveryRule() {
        DrawFixture fixture = new DrawFixture();
        DrawRecord record = fixture.compute();
        Team team = record.teams().get(0);
        TeamMember leaving = team.members().stream().filter(m -> m.role().equals("DEPARTMENT")
                && m.department().equals("YC-SCJGJ")).findFirst().orElseThrow();
        Substitution s = Substitutions.next(record, List.of(), fixture.inspectors, ConflictMatrix.of(fixture.conflicts),
                team.uscc(), leaving.inspectorId(), "RECUSAL: 亲属关系", "head-yc-fgj",
                Instant.parse("2026-11-25T09:00:00Z"));

        assertThat(s.sequence()).isEqualTo(1);
        assertThat(s.previousSha256()).isEqualTo(org.shuangsuiji.draw.algorithm.record.DrawRecords.recordSha256(record));
        Set<String> before = team.members().stream().map(TeamMember::inspectorId).collect(Collectors.toSet());
        assertThat(before).doesNotContain(s.joiningInspectorId());
        assertValid(fixture, team.uscc(), Substitutions.currentTeams(record, List.of(s)).get(team.uscc()));

        Substitution again = Substitutions.next(record, List.of(), fixture.inspectors,
                ConflictMatrix.of(fixture.conflicts), team.uscc(), leaving.inspectorId(), "RECUSAL: 亲属关系",
                "head-yc-fgj", Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(again).isEqualTo(s);

        // the one who left can never come back: replacing the substitute picks yet another inspector
        Substitution second = Substitutions.next(record, List.of(s), fixture.inspectors,
                ConflictMatrix.of(fixture.conflicts), team.uscc(), s.joiningInspectorId(), "UNAVAILABLE: 病假",
                "head-yc-fgj", Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(second.joiningInspectorId()).isNotIn(leaving.inspectorId(), s.joiningInspectorId());
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousSha256())
                .isEqualTo(org.shuangsuiji.draw.algorithm.record.DrawRecords.substitutionSha256(s));
    }

    /** Every rule of ssj-teams/1 for the fixture's rules (size 3, two officers, both departments, both tags). */
    private static void assertValid(DrawFixture fixture, String uscc, List<String> memberIds) {
        List<InspectorCandidate> members = memberIds.stream().map(id -> fixture.inspectors.stream()
                .filter(c -> c.id().equals(id)).findFirst().orElseThrow()).toList();
        assertThat(members).hasSizeGreaterThanOrEqualTo(3);
        assertThat(members.stream().filter(c -> c.kind() == InspectorKind.OFFICER).count()).isGreaterThanOrEqualTo(2);
        for (String department : List.of("YC-FGJ", "YC-SCJGJ")) {
            assertThat(members).anyMatch(c -> c.kind() == InspectorKind.OFFICER && c.department().equals(department));
        }
        for (String tag : List.of("GRAIN", "METROLOGY")) {
            assertThat(members).anyMatch(c -> c.expertise().contains(tag));
        }
        assertThat(fixture.conflicts).noneMatch(p -> p.uscc().equals(uscc) && memberIds.contains(p.inspectorId()));
    }

    @Test
    void aSubstitutionWithoutAnyValidReplacementIsRefused() {
        DrawFixture fixture = new DrawFixture();
        DrawRecord record = fixture.compute();
        Team team = record.teams().get(0);
        // the only METROLOGY holders are inspectors 4 and 7; replace whoever covers the tag until none is left
        List<Substitution> done = new ArrayList<>();
        String tagHolder = team.members().stream().filter(m -> m.role().equals("TAG:METROLOGY")
                || fixture.inspectors.stream().anyMatch(c -> c.id().equals(m.inspectorId())
                && c.expertise().contains("METROLOGY"))).findFirst().orElseThrow().inspectorId();
        assertThatThrownBy(() -> {
            String leaving = tagHolder;
            for (int i = 0; i < 3; i++) {
                Substitution s = Substitutions.next(record, done, fixture.inspectors,
                        ConflictMatrix.of(fixture.conflicts), team.uscc(), leaving, "RECUSAL", "head", Instant.EPOCH);
                done.add(s);
                leaving = s.joiningInspectorId();
            }
        }).isInstanceOf(DrawInputException.class).hasMessageContaining("no rule is relaxed");
    }

    @Test
    void refusesToSubstituteSomeoneWhoIsNotInTheTeam() {
        DrawFixture fixture = new DrawFixture();
        DrawRecord record = fixture.compute();
        assertThatThrownBy(() -> Substitutions.next(record, List.of(), fixture.inspectors,
                ConflictMatrix.of(fixture.conflicts), record.teams().get(0).uscc(), "nobody", "RECUSAL", "head",
                Instant.EPOCH)).hasMessageContaining("is not a current member");
    }
}
