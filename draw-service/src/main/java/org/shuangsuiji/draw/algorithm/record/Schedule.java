package org.shuangsuiji.draw.algorithm.record;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * When a draw may take place, as the announcement commits to it: the frequency rule that admitted this draw and the
 * inspection windows of every implementation rule set (细则) that applies to the task's items. Public, so anyone can
 * check that the inspection dates ({@link TeamRules#inspectionFrom()} … {@link TeamRules#inspectionTo()}) lie in
 * every window and that the draw is within the frequency.
 *
 * @param frequency the frequency rule, absent when neither the task nor its items state one (then only the task's
 *                  batches limit its draws)
 * @param windows   one entry per applicable rule set, sorted by {@code rules}; a rule set without windows allows
 *                  the whole year
 */
public record Schedule(Frequency frequency, List<WindowRules> windows) {

    public Schedule {
        windows = Lists.copy(windows);
    }

    /**
     * @param text       the frequency as stated, e.g. {@code 1 次/年} or {@code 不少于2次/年}
     * @param source     {@code TASK} (the plan line states it) or {@code ITEM code@version} (the task states none:
     *                   the smallest frequency of its catalog items)
     * @param perYear    draws per calendar year the text means
     * @param atLeast    true for a minimum (不少于): it limits nothing here, the task's batches do
     * @param year       the calendar year of the inspection start the draws are counted in
     * @param drawOfYear this draw's number among the task's draws of that year (≤ {@code perYear} unless {@code atLeast})
     */
    public record Frequency(String text, String source, int perYear, boolean atLeast, int year, int drawOfYear) {}

    /**
     * @param rules   the rule set, {@code key@version} (key = department, or department/item code)
     * @param windows its windows, {@code MM-DD} both inclusive, {@code from} ≤ {@code to}; empty = the whole year
     */
    public record WindowRules(String rules, List<Window> windows) {

        public WindowRules {
            windows = Lists.copy(windows);
        }

        /** @return the first day of [from, to] outside every window, or null when all days are inside one */
        public LocalDate firstDayOutside(LocalDate from, LocalDate to) {
            if (windows.isEmpty()) {
                return null;
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                MonthDay md = MonthDay.from(day);
                if (windows.stream().noneMatch(w -> w.contains(md))) {
                    return day;
                }
            }
            return null;
        }
    }

    /** An inspection window of a rule set: {@code MM-DD} to {@code MM-DD}, both days inclusive. */
    public record Window(String from, String to) {

        public boolean contains(MonthDay day) {
            return !day.isBefore(parse(from)) && !day.isAfter(parse(to));
        }

        /** @throws IllegalArgumentException unless {@code MM-DD} of a real day */
        public static MonthDay parse(String mmdd) {
            try {
                return MonthDay.parse("--" + mmdd);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + mmdd + "' is not a MM-DD day", e);
            }
        }
    }
}
