package org.shuangsuiji.draw.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.Infeasible;
import org.shuangsuiji.draw.algorithm.record.Selection;
import org.shuangsuiji.draw.algorithm.record.StratumResult;
import org.shuangsuiji.draw.algorithm.record.Team;
import org.shuangsuiji.draw.algorithm.record.TeamMember;
import org.shuangsuiji.draw.domain.Draw;
import org.shuangsuiji.draw.domain.DrawLevel;
import org.shuangsuiji.draw.domain.ItemRef;
import org.shuangsuiji.draw.domain.Plan;
import org.shuangsuiji.draw.domain.Task;

/** What computing a draw writes besides the record: the selection rows and the draw.completed parts. */
class ComputedRowsAndEventsTest {

    private static final String A = "91140522AAAAAAAAA1";
    private static final String B = "91140522BBBBBBBBB2";
    private static final String C = "91140522CCCCCCCCC3";
    private static final String D = "91140522DDDDDDDDD4";
    private static final String E = "91140522EEEEEEEEE5";

    // Assignment order E, C, A, D, B; C and B infeasible; two strata, each ranked by score.
    private static final DrawRecord RECORD = new DrawRecord(DrawRecord.FORMAT, null, "0".repeat(64), List.of(),
            "0".repeat(64),
            List.of(new StratumResult("S1", 10, "1".repeat(64), 0, 10, 3, "c",
                            List.of(new Selection(1, E, "a"), new Selection(2, A, "b"), new Selection(3, C, "c"))),
                    new StratumResult("S2", 10, "2".repeat(64), 0, 10, 2, "e",
                            List.of(new Selection(1, D, "d"), new Selection(2, B, "e")))),
            List.of(team(1, E, "S1"), team(3, A, "S1"), team(4, D, "S2")),
            List.of(new Infeasible(2, C, "S1", "no officer"), new Infeasible(5, B, "S2", "no officer")),
            Instant.parse("2027-01-04T08:00:00Z"), "planner");

    private static Team team(int order, String uscc, String stratum) {
        return new Team(order, uscc, stratum, List.of(
                new TeamMember(new UUID(0, order).toString(), "YC-FGJ", "OFFICER", 0, "DEPARTMENT"),
                new TeamMember(new UUID(1, order).toString(), "YC-FGJ", "OFFICER", 1, "OFFICER")));
    }

    @Test
    void writesSelectionRowsInUsccOrderFromTheRankingAlone() {
        UUID drawId = new UUID(7, 7);
        // columns: uscc, draw_id, stratum, rank, score, year
        String[] rows = FrozenInputs.selectionRows(drawId, 2027, RECORD.selections()).toString().split("\n");
        assertThat(rows).extracting(r -> r.split("\t")[0]).containsExactly(A, B, C, D, E);
        assertThat(rows).extracting(r -> r.split("\t")[1]).containsOnly(drawId.toString());
        assertThat(rows).extracting(r -> r.split("\t")[5]).containsOnly("2027");
        assertThat(rows).extracting(r -> r.split("\t").length).containsOnly(6);
        assertThat(rows).extracting(r -> r.split("\t")[2] + " " + r.split("\t")[3] + " " + r.split("\t")[4])
                .containsExactly("S1 2 b", "S2 2 e", "S1 3 c", "S2 1 d", "S1 1 a");
    }

    @Test
    void listsTeamsAndInfeasibleSubjectsInAssignmentOrderAcrossParts() {
        Draw d = new Draw();
        d.id = new UUID(7, 7);
        d.batch = 1;
        d.computedBy = "planner";
        d.computedAt = OffsetDateTime.of(2027, 1, 4, 8, 0, 0, 0, ZoneOffset.UTC);
        Plan plan = new Plan();
        plan.id = new UUID(8, 8);
        plan.year = 2027;
        LocalDate day = LocalDate.of(2027, 1, 4);
        List<DrawEvents.Completed> parts = DrawService.completed(d, task(), plan, RECORD, "f".repeat(64), "1", 5,
                Map.of(A, "甲", B, "乙", C, "丙", D, "丁", E, "戊"), Map.of(), new DrawEvents.DeadlineBasis(day, day, day, 5, 5),
                2);
        assertThat(parts).hasSize(3);
        List<DrawEvents.DrawnSubject> subjects = parts.stream().flatMap(p -> p.subjects().stream()).toList();
        assertThat(subjects).extracting(DrawEvents.DrawnSubject::order).containsExactly(1, 2, 3, 4, 5);
        assertThat(subjects).extracting(DrawEvents.DrawnSubject::uscc).containsExactly(E, C, A, D, B);
        assertThat(subjects).extracting(DrawEvents.DrawnSubject::infeasibleReason)
                .containsExactly(null, "no officer", null, null, "no officer");
        assertThat(subjects.get(0).team()).hasSize(2);
        assertThat(subjects.get(1).team()).isEmpty();
        assertThat(subjects.get(1).name()).isEqualTo("丙");
    }

    private static Task task() {
        Task task = new Task();
        task.id = new UUID(9, 9);
        task.name = "检查";
        task.leadDepartment = "YC-FGJ";
        task.drawLevel = DrawLevel.COUNTY_COUNTY;
        task.items = List.of(new ItemRef("YC-FGJ", "YC-FGJ-001", 1));
        task.periodFrom = LocalDate.of(2027, 1, 1);
        task.periodTo = LocalDate.of(2027, 12, 31);
        return task;
    }
}
