package org.shuangsuiji.roster.domain;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 行政区划代码, GB/T 2260: six digits, {@code PPCCDD}. What is checked (and nothing more — the full national table of
 * county-level codes changes every year and is not bundled):
 *
 * <ul>
 *   <li>six ASCII digits;</li>
 *   <li>{@code PP} is one of the 34 province-level codes in force (11 北京 … 82 澳门);</li>
 *   <li>{@code CC} is {@code 00} (the province itself), {@code 01}-{@code 70} (prefecture-level: 01-20 and 51-70
 *       cities, 21-50 prefectures, autonomous prefectures and leagues) or {@code 90} (county-level divisions directly
 *       under the province); {@code PP0000} is the province, {@code PP00DD} with DD other than 00 and {@code PP9000}
 *       are no divisions;</li>
 *   <li>in 山西省 (14), the seeds' province, {@code CC} must be one of its 11 prefecture-level cities (1401 太原 …
 *       1411 吕梁). County-level codes ({@code DD} ≠ 00) are only checked structurally, except the seeds' own
 *       (140522 阳城县, 140603 平鲁区, 140981 原平市), which are named in {@link #name}.</li>
 * </ul>
 */
public final class Divisions {

    public static final String FORMAT = "[0-9]{6}";
    private static final Pattern FORMAT_PATTERN = Pattern.compile(FORMAT); // compiled once (million-row imports)

    static final Map<String, String> PROVINCES = Map.ofEntries(
            Map.entry("11", "北京市"), Map.entry("12", "天津市"), Map.entry("13", "河北省"), Map.entry("14", "山西省"),
            Map.entry("15", "内蒙古自治区"), Map.entry("21", "辽宁省"), Map.entry("22", "吉林省"),
            Map.entry("23", "黑龙江省"), Map.entry("31", "上海市"), Map.entry("32", "江苏省"), Map.entry("33", "浙江省"),
            Map.entry("34", "安徽省"), Map.entry("35", "福建省"), Map.entry("36", "江西省"), Map.entry("37", "山东省"),
            Map.entry("41", "河南省"), Map.entry("42", "湖北省"), Map.entry("43", "湖南省"), Map.entry("44", "广东省"),
            Map.entry("45", "广西壮族自治区"), Map.entry("46", "海南省"), Map.entry("50", "重庆市"),
            Map.entry("51", "四川省"), Map.entry("52", "贵州省"), Map.entry("53", "云南省"), Map.entry("54", "西藏自治区"),
            Map.entry("61", "陕西省"), Map.entry("62", "甘肃省"), Map.entry("63", "青海省"),
            Map.entry("64", "宁夏回族自治区"), Map.entry("65", "新疆维吾尔自治区"), Map.entry("71", "台湾省"),
            Map.entry("81", "香港特别行政区"), Map.entry("82", "澳门特别行政区"));

    /** 山西省's prefecture-level cities and the county-level divisions the seeds name. */
    static final Map<String, String> SHANXI = Map.ofEntries(
            Map.entry("140000", "山西省"),
            Map.entry("140100", "太原市"), Map.entry("140200", "大同市"), Map.entry("140300", "阳泉市"),
            Map.entry("140400", "长治市"), Map.entry("140500", "晋城市"), Map.entry("140600", "朔州市"),
            Map.entry("140700", "晋中市"), Map.entry("140800", "运城市"), Map.entry("140900", "忻州市"),
            Map.entry("141000", "临汾市"), Map.entry("141100", "吕梁市"),
            Map.entry("140522", "阳城县"), Map.entry("140603", "平鲁区"), Map.entry("140981", "原平市"));

    private Divisions() {}

    /** Why {@code code} is not a GB/T 2260 division code, or empty when it passes the checks above. */
    public static Optional<String> problem(String code) {
        if (code == null || !FORMAT_PATTERN.matcher(code).matches()) {
            return Optional.of("must be a 6-digit GB/T 2260 division code");
        }
        String pp = code.substring(0, 2);
        String cc = code.substring(2, 4);
        String dd = code.substring(4, 6);
        if (!PROVINCES.containsKey(pp)) {
            return Optional.of(code + ": " + pp + " (digits 1-2) is not a province-level division of GB/T 2260");
        }
        int c = Integer.parseInt(cc);
        if (c == 0) {
            return dd.equals("00") ? Optional.empty()
                    : Optional.of(code + ": a code with 00 in digits 3-4 is the province itself and must end in 0000");
        }
        if (c == 90) {
            return dd.equals("00") ? Optional.of(code + ": 90 (digits 3-4) groups county-level divisions directly under"
                    + " the province; " + code + " names none") : Optional.empty();
        }
        if (c > 70) {
            return Optional.of(code + ": " + cc + " (digits 3-4) is not a prefecture-level code (01-70, or 90)");
        }
        if (pp.equals("14") && c > 11) {
            return Optional.of(code + ": 山西省 has no prefecture-level division " + pp + cc + " (1401-1411)");
        }
        return Optional.empty();
    }

    /** The name, for the codes this class knows by name (provinces, 山西省's cities and the seeds' counties). */
    public static Optional<String> name(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (SHANXI.containsKey(code)) {
            return Optional.of(SHANXI.get(code));
        }
        return code.endsWith("0000") ? Optional.ofNullable(PROVINCES.get(code.substring(0, 2))) : Optional.empty();
    }
}
