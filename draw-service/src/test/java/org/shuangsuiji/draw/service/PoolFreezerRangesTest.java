package org.shuangsuiji.draw.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.draw.algorithm.record.Exclusion;
import org.shuangsuiji.draw.domain.SubjectScope;

/** The freeze's ranges on two connections and one snapshot, on the real PostgreSQL: together they are what one statement reads. */
@QuarkusTest
@PlatformTest
class PoolFreezerRangesTest {

    private static final String[] CLASSES = {"A", "B", "C", "D", null};

    @Inject
    AgroalDataSource db;

    @Inject
    PoolFreezer freezer;

    @Test
    void rangesReadOnOneSnapshotByTwoConnectionsAreExactlyWhatOneStatementReads() throws Exception {
        String department = "HALVES-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        int year = LocalDate.now().getYear();
        TreeSet<String> usccs = new TreeSet<>();
        while (usccs.size() < 300) {
            usccs.add("91140522" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 48), 36).toUpperCase());
        }
        List<String> ordered = new ArrayList<>(usccs);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < ordered.size(); i++) {
                String k = CLASSES[i % CLASSES.length];
                s.addBatch("""
                        INSERT INTO roster_subject (uscc, name, kind, industry_code, division_code, status, risk_class,
                            departments, item_families, tags, revision)
                        VALUES ('%s', '企业%d', 'ENTERPRISE', 'F5111', '140522', 'ACTIVE', %s, '{%s}', '{}', '{}', 0)"""
                        .formatted(ordered.get(i), i, k == null ? "NULL" : "'" + k + "'", department));
                if (i % 7 == 0) {
                    // drawn by another task of the same period: excluded, with that draw named
                    UUID draw = UUID.randomUUID();
                    s.addBatch("""
                            INSERT INTO draw_selection (draw_id, uscc, stratum, rank, score, year)
                            VALUES ('%s', '%s', 'A', %d, '', %d)""".formatted(draw, ordered.get(i), i, year));
                    s.addBatch("""
                            INSERT INTO draw_selection_terms (draw_id, task_id, year, period_from, period_to, departments)
                            VALUES ('%s', '%s', %d, DATE '%d-01-01', DATE '%d-12-31', '{%s}')"""
                            .formatted(draw, UUID.randomUUID(), year, year, year, department));
                }
            }
            s.executeBatch();
        }
        PoolFreezer.Scope scope = new PoolFreezer.Scope(UUID.randomUUID(), UUID.randomUUID(),
                new SubjectScope(department, null, null, null, null, List.of()), List.of(department), year,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, false, LocalDate.of(year, 6, 1),
                LocalDate.of(year, 6, 3));

        PoolFreezer.Read read = freezer.readParts(scope, List.of());
        PoolFreezer.Part one = read.pools();
        List<Exclusion> exclusions = PoolFreezer.exclusions(one, read.priors(), null, false);
        assertThat(exclusions).hasSize(43).allSatisfy(e -> assertThat(e.reason()).isEqualTo("DRAWN_BY_OTHER_TASK"));
        assertThat(sum(one.counts())).isEqualTo(300);
        // cuts inside, on members, below and above every member, one or several: the same bytes every time
        for (List<String> split : List.of(List.of(ordered.get(150)), List.of(ordered.get(0)), List.of("0"), List.of("Z"),
                List.of(ordered.get(299) + "0"), List.of("0", ordered.get(10), ordered.get(11), ordered.get(200), "Z"),
                List.of(ordered.get(37), ordered.get(75), ordered.get(112), ordered.get(150), ordered.get(187),
                        ordered.get(225), ordered.get(262)))) {
            PoolFreezer.Read twoRead = freezer.readParts(scope, split);
            PoolFreezer.Part two = twoRead.pools();
            assertThat(two.counts()).as(split.toString()).containsExactly(one.counts());
            for (int i = 0; i < one.members().length; i++) {
                assertThat(new String(two.members()[i], StandardCharsets.US_ASCII)).as(split.toString())
                        .isEqualTo(new String(one.members()[i], StandardCharsets.US_ASCII));
            }
            assertThat(PoolFreezer.exclusions(two, twoRead.priors(), null, false)).as(split.toString())
                    .isEqualTo(exclusions);
        }
        StringBuilder classA = new StringBuilder();
        for (int i = 0; i < ordered.size(); i += CLASSES.length) {
            classA.append(ordered.get(i)).append('\n');
        }
        assertThat(new String(one.members()[0], StandardCharsets.US_ASCII)).isEqualTo(classA.toString());
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }
}
