package org.shuangsuiji.commons.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * China's working days (工作日): weekends and official holidays are off, make-up workdays (调休) are on. Deadlines
 * such as "results within 20 working days" are computed here from the bundled State Council data.
 *
 * <p>For a year whose notice is not bundled yet only weekends count as off; {@link #isOfficial} lets callers flag
 * such a deadline as provisional instead of silently presenting it as final.
 */
@ApplicationScoped
public class WorkingDayCalendar {

    private final Map<LocalDate, Boolean> offDayOverrides;
    private final Set<Integer> coveredYears;

    public WorkingDayCalendar() {
        this(new ObjectMapper());
    }

    WorkingDayCalendar(ObjectMapper mapper) {
        Map<LocalDate, Boolean> overrides = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        for (String year : resource("holiday-cn/years.txt").split("\\s+")) {
            if (year.isBlank()) {
                continue;
            }
            try {
                JsonNode root = mapper.readTree(resource("holiday-cn/" + year.trim() + ".json"));
                years.add(root.get("year").asInt());
                for (JsonNode day : root.get("days")) {
                    overrides.put(LocalDate.parse(day.get("date").asText()), day.get("isOffDay").asBoolean());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("holiday data for " + year + " is unreadable", e);
            }
        }
        this.offDayOverrides = Map.copyOf(overrides);
        this.coveredYears = Set.copyOf(years);
    }

    public boolean isWorkingDay(LocalDate date) {
        Boolean off = offDayOverrides.get(date);
        if (off != null) {
            return !off;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** The n-th working day after {@code start} (start itself not counted); n = 0 returns start. */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        LocalDate d = start;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days in (from, to]: how many working days after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** True when the official holiday notice for the date's year is bundled. */
    public boolean isOfficial(LocalDate date) {
        return coveredYears.contains(date.getYear());
    }

    public Set<Integer> coveredYears() {
        return coveredYears;
    }

    private static String resource(String name) {
        try (InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
