package org.shuangsuiji.commons.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    @Test
    void nationalDayHolidaysAreOffAndMakeUpSundayIsOn() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2024, 10, 1)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2024, 10, 7)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 9, 29)), "Sunday 2024-09-29 is a make-up workday");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 10, 12)), "Saturday 2024-10-12 is a make-up workday");
    }

    @Test
    void plainWeekendsAreOff() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2024, 6, 1)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 6, 3)));
    }

    @Test
    void twentyWorkingDaysSkipTheNationalDayWeek() {
        // From Mon 2024-09-23: 23..27 (4 after start), Sun 29 and Mon 30 (6), Oct 8..11 (10), Sat 12 (11),
        // 14..18 (16), 21..24 (20).
        assertEquals(LocalDate.of(2024, 10, 24), calendar.addWorkingDays(LocalDate.of(2024, 9, 23), 20));
        assertEquals(20, calendar.workingDaysBetween(LocalDate.of(2024, 9, 23), LocalDate.of(2024, 10, 24)));
    }

    @Test
    void fiveWorkingDaysOverSpringFestival2026() {
        // 2026 Spring Festival: off 15..23 Feb, make-up workdays Sat 14 Feb and Sat 28 Feb.
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 14)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 16)));
        assertEquals(LocalDate.of(2026, 2, 26), calendar.addWorkingDays(LocalDate.of(2026, 2, 12), 5));
    }

    @Test
    void yearsWithoutANoticeAreFlaggedNotOfficial() {
        assertTrue(calendar.isOfficial(LocalDate.of(2026, 12, 31)));
        assertFalse(calendar.isOfficial(LocalDate.of(2027, 1, 4)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2027, 1, 4)), "weekday in an uncovered year counts as working");
    }

    @Test
    void zeroWorkingDaysIsTheStartDate() {
        assertEquals(LocalDate.of(2024, 10, 1), calendar.addWorkingDays(LocalDate.of(2024, 10, 1), 0));
    }
}
