package org.shuangsuiji.draw.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.draw.algorithm.record.Schedule;

/** How plan texts of 抽查频次 read as draws per year, and how inspection windows cover inspection dates. */
class FrequencyTest {

    @Test
    void readsThePlansWaysOfWritingAFrequency() {
        assertThat(Frequency.parse("1 次/年")).isEqualTo(new Frequency(1, false));
        assertThat(Frequency.parse("1 次 / 年")).isEqualTo(new Frequency(1, false)); // the seeds' plan table
        assertThat(Frequency.parse("１次／年")).isEqualTo(new Frequency(1, false));
        assertThat(Frequency.parse("每年1次")).isEqualTo(new Frequency(1, false));
        assertThat(Frequency.parse("一次/年")).isEqualTo(new Frequency(1, false));
        assertThat(Frequency.parse("2次/半年")).isEqualTo(new Frequency(4, false));
        assertThat(Frequency.parse("1次/季度")).isEqualTo(new Frequency(4, false));
        assertThat(Frequency.parse("不少于2次/年")).isEqualTo(new Frequency(2, true));
        assertThat(Frequency.parse("每年不少于2次")).isEqualTo(new Frequency(2, true));
        assertThat(Frequency.parse("至少3次/年")).isEqualTo(new Frequency(3, true));
        assertThat(Frequency.parse(null)).isNull();
        assertThat(Frequency.parse("  ")).isNull();
    }

    @Test
    void refusesATextThatIsNoFrequency() {
        assertThatThrownBy(() -> Frequency.parse("偶尔")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("N 次/年");
        assertThatThrownBy(() -> Frequency.parse("0次/年")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyInspectionDayMustLieInAWindow() {
        Schedule.WindowRules june = new Schedule.WindowRules("YC-FGJ@1",
                List.of(new Schedule.Window("06-01", "06-30"), new Schedule.Window("09-01", "09-30")));
        assertThat(june.firstDayOutside(LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 7))).isNull();
        assertThat(june.firstDayOutside(LocalDate.of(2027, 6, 28), LocalDate.of(2027, 7, 2)))
                .isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(new Schedule.WindowRules("YC-SCJGJ@2", List.of())
                .firstDayOutside(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31))).isNull();
        // A window across the new year is two windows.
        Schedule.WindowRules winter = new Schedule.WindowRules("X@1",
                List.of(new Schedule.Window("12-01", "12-31"), new Schedule.Window("01-01", "01-31")));
        assertThat(winter.firstDayOutside(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 4))).isNull();
    }
}
