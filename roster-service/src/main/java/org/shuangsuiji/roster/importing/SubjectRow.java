package org.shuangsuiji.roster.importing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.shuangsuiji.roster.domain.Divisions;
import org.shuangsuiji.roster.domain.Uscc;

/**
 * One subject row of an import file, validated. Columns (header names, any letter case): {@code uscc}, {@code name},
 * {@code kind}, {@code industryCode}, {@code divisionCode}, {@code departments} required; {@code address},
 * {@code status} (default ACTIVE), {@code itemFamilies}, {@code riskClass}, {@code riskAsOf}, {@code riskSource},
 * {@code tags} optional. Lists are separated by {@code ;}. Kinds and statuses may be given by code or in Chinese.
 */
public record SubjectRow(long row, String uscc, String name, String kind, String industryCode, String divisionCode,
        String address, String status, List<String> departments, List<String> itemFamilies, String riskClass,
        LocalDate riskAsOf, String riskSource, List<String> tags) {

    public static final List<String> REQUIRED = List.of("uscc", "name", "kind", "industryCode", "divisionCode", "departments");
    public static final List<String> OPTIONAL = List.of("address", "status", "itemFamilies", "riskClass", "riskAsOf",
            "riskSource", "tags");
    public static final Set<String> DATES = Set.of("riskAsOf");

    static final String INDUSTRY = "[A-T]([0-9]{2}|[0-9]{3}|[0-9]{4})?";
    static final String TAG = "[A-Z][A-Z0-9_]{1,39}";
    // compiled once: String.matches compiles its pattern on every call, several times per row of a million-row file
    private static final Pattern INDUSTRY_PATTERN = Pattern.compile(INDUSTRY);
    static final Pattern TAG_PATTERN = Pattern.compile(TAG);
    private static final Pattern RISK_CLASS = Pattern.compile("[ABCD]");

    private static final Map<String, String> KINDS = Map.of("ENTERPRISE", "ENTERPRISE", "企业", "ENTERPRISE",
            "INDIVIDUAL", "INDIVIDUAL", "个体工商户", "INDIVIDUAL", "COOPERATIVE", "COOPERATIVE", "农民专业合作社",
            "COOPERATIVE", "OTHER", "OTHER", "其他", "OTHER");
    private static final Map<String, String> STATUSES = Map.of("ACTIVE", "ACTIVE", "存续", "ACTIVE", "在业", "ACTIVE",
            "DEREGISTERED", "DEREGISTERED", "注销", "DEREGISTERED", "REVOKED", "REVOKED", "吊销", "REVOKED",
            "MOVED_OUT", "MOVED_OUT", "迁出", "MOVED_OUT");

    /** The validated row, or null with the problems added to {@code errors}. */
    public static SubjectRow parse(TabularFile.Row r, Set<String> departments, RowErrors errors) {
        if (r.problem() != null) {
            errors.add(r.problemField(), r.problem());
            return null;
        }
        for (Map.Entry<String, String> e : r.values().entrySet()) {
            if (RowErrors.hasControl(e.getValue())) {
                errors.add(e.getKey(), "must not contain line breaks, tabs or other control characters");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        String uscc = r.get("uscc");
        if (uscc == null) {
            errors.add("uscc", "is required");
        } else {
            Uscc.problem(uscc).ifPresent(p -> errors.add("uscc", p));
        }
        String name = r.get("name");
        if (name == null) {
            errors.add("name", "is required");
        } else if (name.length() > 200) {
            errors.add("name", "must be at most 200 characters (got " + name.length() + ")");
        }
        String kind = r.get("kind") == null ? null : KINDS.get(r.get("kind").toUpperCase());
        if (kind == null) {
            errors.add("kind", r.get("kind") == null ? "is required" : "'" + r.get("kind")
                    + "' is not one of ENTERPRISE (企业), INDIVIDUAL (个体工商户), COOPERATIVE (农民专业合作社), OTHER (其他)");
        }
        String industry = r.get("industryCode");
        if (industry == null || !INDUSTRY_PATTERN.matcher(industry).matches()) {
            errors.add("industryCode", industry == null ? "is required"
                    : "'" + industry + "' is not a GB/T 4754 code: a section letter A-T and 2, 3 or 4 digits");
        }
        String division = r.get("divisionCode");
        if (division == null) {
            errors.add("divisionCode", "is required");
        } else {
            Divisions.problem(division).ifPresent(p -> errors.add("divisionCode", p));
        }
        String address = r.get("address");
        if (address != null && address.length() > 500) {
            errors.add("address", "must be at most 500 characters (got " + address.length() + ")");
        }
        String status = r.get("status") == null ? "ACTIVE" : STATUSES.get(r.get("status").toUpperCase());
        if (status == null) {
            errors.add("status", "'" + r.get("status") + "' is not one of ACTIVE (存续), DEREGISTERED (注销), REVOKED (吊销),"
                    + " MOVED_OUT (迁出)");
        }
        List<String> deps = list(r.get("departments"));
        if (deps.isEmpty()) {
            errors.add("departments", "must name at least one department directory");
        }
        for (String d : deps) {
            if (!departments.contains(d)) {
                errors.add("departments", "department " + d + " does not exist");
            }
        }
        List<String> families = list(r.get("itemFamilies"));
        for (String f : families) {
            if (f.length() > 100) {
                errors.add("itemFamilies", "each must be at most 100 characters");
            }
        }
        String riskClass = r.get("riskClass");
        LocalDate asOf = null;
        String source = r.get("riskSource");
        if (riskClass != null) {
            if (!RISK_CLASS.matcher(riskClass).matches()) {
                errors.add("riskClass", "'" + riskClass + "' is not one of A, B, C or D");
            }
            if (r.get("riskAsOf") == null) {
                errors.add("riskAsOf", "is required with a riskClass (YYYY-MM-DD)");
            } else {
                try {
                    asOf = LocalDate.parse(r.get("riskAsOf"));
                } catch (DateTimeParseException e) {
                    errors.add("riskAsOf", "'" + r.get("riskAsOf") + "' is not a date YYYY-MM-DD");
                }
            }
            if (source == null) {
                errors.add("riskSource", "is required with a riskClass");
            } else if (source.length() > 200) {
                errors.add("riskSource", "must be at most 200 characters");
            }
        } else if (r.get("riskAsOf") != null || source != null) {
            errors.add("riskClass", "is required when riskAsOf or riskSource is given");
        }
        List<String> tags = list(r.get("tags"));
        for (String t : tags) {
            if (!TAG_PATTERN.matcher(t).matches()) {
                errors.add("tags", "'" + t + "' must be 2-40 upper-case letters, digits or '_', starting with a letter");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new SubjectRow(r.row(), uscc, name, kind, industry, division, address, status, deps, families,
                riskClass, asOf, riskClass == null ? null : source, tags);
    }

    /** {@code a;b; b} → [a, b]: split on ';', trimmed, blanks dropped, sorted, distinct. */
    static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        TreeSet<String> out = new TreeSet<>();
        for (String part : value.split(";")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return new ArrayList<>(out);
    }
}
