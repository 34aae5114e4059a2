package org.shuangsuiji.draw.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.draw.algorithm.record.Exclusion;

/**
 * The exclusions the freeze finds by merging the prior selections with the sorted pools, and their lines in COPY's
 * text format as draw_exclusion_list stores them and the streams read them back.
 */
class PoolFreezerTest {

    @Test
    void readsTheRowsInTheAnnouncementsOrderAndUndoesCopyEscapes() {
        String rows = "B\t91140522MA0000002B\tDRAWN_BY_OTHER_TASK\tdraw 11111111-1111-1111-1111-111111111111\n"
                + "A\t91140522MA0000003C\tYEARLY_CAP\t2 draws this year, cap 2\n"
                + "A\tODD\\\\ONE\\tWITH\\nESCAPES\\r\tCLASS_A_TWICE_A_YEAR\tclass A, drawn this year by draw x\n"
                + "UNCLASSIFIED\t91140522MA0000001A\tDRAWN_BY_OTHER_TASK\tdraw y\n";
        List<Exclusion> out = PoolFreezer.parseExclusions(rows);
        assertThat(out).containsExactly(
                new Exclusion("A", "91140522MA0000003C", "YEARLY_CAP", "2 draws this year, cap 2"),
                new Exclusion("A", "ODD\\ONE\tWITH\nESCAPES\r", "CLASS_A_TWICE_A_YEAR", "class A, drawn this year by draw x"),
                new Exclusion("B", "91140522MA0000002B", "DRAWN_BY_OTHER_TASK", "draw 11111111-1111-1111-1111-111111111111"),
                new Exclusion("UNCLASSIFIED", "91140522MA0000001A", "DRAWN_BY_OTHER_TASK", "draw y"));
    }

    @Test
    void excludesPoolMembersByTheFirstApplicableReasonInStratumThenByteOrder() {
        PoolFreezer.Part pools = new PoolFreezer.Part(new int[] {3, 2, 0, 0, 2}, new byte[][] {
                bytes("9A01\n9A02\n9A03\n"), bytes("9B01\n9B02\n"), new byte[0], new byte[0], bytes("9U01\n9U02\n")});
        // sorted by USCC bytes as PostgreSQL sends them, with subjects outside every pool among them
        PoolFreezer.Priors priors = new PoolFreezer.Priors(
                new byte[][] {bytes("9A00"), bytes("9A01"), bytes("9A02"), bytes("9A03"), bytes("9B02"), bytes("9U01"),
                        bytes("9U02"), bytes("9Z99")},
                new String[] {"d0", null, "d2", null, null, "d5", null, "d7"},
                new int[] {1, 1, 1, 2, 1, 3, 2, 1},
                new String[] {"d0", "x1", "d2", "x3", "x4", "d5", "x6", "d7"});

        assertThat(PoolFreezer.exclusions(pools, priors, 2, true)).containsExactly(
                new Exclusion("A", "9A01", "CLASS_A_TWICE_A_YEAR", "class A, drawn this year by draw x1"),
                new Exclusion("A", "9A02", "DRAWN_BY_OTHER_TASK", "draw d2"),
                new Exclusion("A", "9A03", "YEARLY_CAP", "2 draws this year, cap 2"),
                new Exclusion("UNCLASSIFIED", "9U01", "DRAWN_BY_OTHER_TASK", "draw d5"),
                new Exclusion("UNCLASSIFIED", "9U02", "YEARLY_CAP", "2 draws this year, cap 2"));
        // no cap and class A may be drawn twice: only 名单比对 excludes
        assertThat(PoolFreezer.exclusions(pools, priors, null, false)).containsExactly(
                new Exclusion("A", "9A02", "DRAWN_BY_OTHER_TASK", "draw d2"),
                new Exclusion("UNCLASSIFIED", "9U01", "DRAWN_BY_OTHER_TASK", "draw d5"));
    }

    @Test
    void storedLinesReadBackAsTheSameExclusions() {
        List<Exclusion> exclusions = List.of(
                new Exclusion("A", "ODD\\ONE\tWITH\nESCAPES\r", "CLASS_A_TWICE_A_YEAR", "class A, drawn this year by draw x"),
                new Exclusion("A", "91140522MA0000003C", "YEARLY_CAP", "2 draws this year, cap 2"),
                new Exclusion("B", "91140522MA0000002B", "DRAWN_BY_OTHER_TASK", "draw 11111111-1111-1111-1111-111111111111"));
        assertThat(PoolFreezer.parseExclusions(PoolFreezer.exclusionLines(exclusions))).containsExactly(
                exclusions.get(1), exclusions.get(0), exclusions.get(2));
        assertThat(PoolFreezer.exclusionLines(List.of())).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aStratumsAggregateBecomesOneLinePerMemberAndIsCountedByItsLines() {
        byte[] pool = PoolFreezer.poolBytes("91140522MA0000001A\n91140522MA0000002B".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pool, StandardCharsets.UTF_8)).isEqualTo("91140522MA0000001A\n91140522MA0000002B\n");
        assertThat(PoolFreezer.lines(pool)).isEqualTo(2);
        byte[] one = PoolFreezer.poolBytes("91140522MA0000001A".getBytes(StandardCharsets.UTF_8));
        assertThat(PoolFreezer.lines(one)).isEqualTo(1);
    }

    @Test
    void aStratumWithoutMembersIsNoBytesAndNoMember() {
        byte[] pool = PoolFreezer.poolBytes(null);
        assertThat(pool).isEmpty();
        assertThat(PoolFreezer.lines(pool)).isZero();
    }

    @Test
    void noRowsNoExclusions() {
        assertThat(PoolFreezer.parseExclusions(null)).isEmpty();
        assertThat(PoolFreezer.parseExclusions("")).isEmpty();
    }

    @Test
    void unescapesOnlyInsideTheField() {
        String s = "ab\\tc|d\\\\e";
        assertThat(PoolFreezer.copyUnescape(s, 0, 5)).isEqualTo("ab\tc");
        assertThat(PoolFreezer.copyUnescape(s, 0, 2)).isEqualTo("ab");
        assertThat(PoolFreezer.copyUnescape(s, 6, 10)).isEqualTo("d\\e");
    }
}
