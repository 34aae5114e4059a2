package org.shuangsuiji.draw.domain;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's frequency (抽查频次) as the plan states it, read as draws per calendar year: {@code 1 次/年} allows one draw
 * a year, {@code 2次/半年} four, {@code 不少于2次/年} asks for at least two (a minimum: it caps nothing, the task's
 * batches do). One draw is one round of inspections, so the frequency counts draws (batches), not subjects.
 *
 * @param perYear draws per calendar year
 * @param atLeast a minimum (不少于, 至少, 不低于) rather than a number to keep to
 */
public record Frequency(int perYear, boolean atLeast) {

    /** The forms understood, for error messages. */
    public static final String FORMS = "'N 次/年', '每年N次', '不少于N次/年' (also 至少, 不低于; per 半年, 季度, 月)";

    private static final String MINIMUM = "(不少于|至少|不低于|≥|>=)?";
    private static final String NUMBER = "([0-9]+|[一二两三四五六七八九十])";
    private static final String PERIOD = "(年度|年|半年|季度|季|月)";
    private static final Pattern TIMES_PER = Pattern.compile(MINIMUM + NUMBER + "次/(?:每)?" + PERIOD);
    private static final Pattern EVERY_PERIOD = Pattern.compile("每" + PERIOD + MINIMUM + NUMBER + "次");
    private static final Map<String, Integer> CHINESE = Map.of("一", 1, "二", 2, "两", 2, "三", 3, "四", 4, "五", 5,
            "六", 6, "七", 7, "八", 8, "九", 9);

    /**
     * @return null for a blank text (the task states no frequency)
     * @throws IllegalArgumentException when the text is none of the {@link #FORMS}
     */
    public static Frequency parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // Full-width digits and slashes (１次／年) become ASCII; spaces carry no meaning ("1 次 / 年").
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        Matcher m = TIMES_PER.matcher(t);
        if (m.matches()) {
            return of(m.group(1), m.group(2), m.group(3), text);
        }
        m = EVERY_PERIOD.matcher(t);
        if (m.matches()) {
            return of(m.group(2), m.group(3), m.group(1), text);
        }
        throw new IllegalArgumentException("'" + text + "' is not a frequency; write " + FORMS);
    }

    private static Frequency of(String minimum, String number, String period, String text) {
        int n = number.equals("十") ? 10 : CHINESE.containsKey(number) ? CHINESE.get(number) : Integer.parseInt(number);
        int per = switch (period) {
            case "半年" -> 2;
            case "季度", "季" -> 4;
            case "月" -> 12;
            default -> 1;
        };
        if (n < 1 || n > 366) {
            throw new IllegalArgumentException("'" + text + "': the number of times must be between 1 and 366");
        }
        return new Frequency(n * per, minimum != null);
    }
}
