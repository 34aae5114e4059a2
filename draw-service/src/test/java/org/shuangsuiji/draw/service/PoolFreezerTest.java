package org.shuangsuiji.draw.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.draw.algorithm.record.Exclusion;

/** The exclusion lines the freeze statement writes in COPY's text format, read back for the announcement. */
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
