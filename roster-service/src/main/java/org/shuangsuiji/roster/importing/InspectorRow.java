package org.shuangsuiji.roster.importing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shuangsuiji.roster.domain.Divisions;
import org.shuangsuiji.roster.domain.ResidentId;

/**
 * One inspector row of an import file, validated. Columns: {@code department}, {@code name}, {@code kind},
 * {@code regionDivisionCode}, {@code yearlyWorkloadCap} required; {@code certificateNumber},
 * {@code certificateValidFrom}, {@code certificateValidTo} (required for officers), {@code expertise} (;-separated),
 * {@code idNumber}, {@code phone} optional. A row is matched to a stored inspector by certificate number, or for an
 * expert without one by department and ID number — so an expert row needs one of the two, or a re-import could not
 * find the same person again.
 */
public record InspectorRow(long row, String department, String name, String kind, String certificateNumber,
        LocalDate certificateValidFrom, LocalDate certificateValidTo, String regionDivisionCode, int yearlyWorkloadCap,
        List<String> expertise, String idNumber, String phone) {

    public static final List<String> REQUIRED = List.of("department", "name", "kind", "regionDivisionCode", "yearlyWorkloadCap");
    public static final List<String> OPTIONAL = List.of("certificateNumber", "certificateValidFrom", "certificateValidTo",
            "expertise", "idNumber", "phone");
    public static final Set<String> DATES = Set.of("certificateValidFrom", "certificateValidTo");

    private static final Map<String, String> KINDS = Map.of("OFFICER", "OFFICER", "执法人员", "OFFICER",
            "EXPERT", "EXPERT", "辅助技术专家", "EXPERT", "专家", "EXPERT");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static InspectorRow parse(TabularFile.Row r, Set<String> departments, RowErrors errors) {
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
        String department = r.get("department");
        if (department == null) {
            errors.add("department", "is required");
        } else if (!departments.contains(department)) {
            errors.add("department", "department " + department + " does not exist");
        }
        String name = r.get("name");
        if (name == null) {
            errors.add("name", "is required");
        } else if (name.length() > 100) {
            errors.add("name", "must be at most 100 characters (got " + name.length() + ")");
        }
        String kind = r.get("kind") == null ? null : KINDS.get(r.get("kind").toUpperCase());
        if (kind == null) {
            errors.add("kind", r.get("kind") == null ? "is required" : "'" + r.get("kind") + "' is not OFFICER (执法人员) or EXPERT (辅助技术专家)");
        }
        String certificate = r.get("certificateNumber");
        if (certificate != null && (certificate.length() < 4 || certificate.length() > 40)) {
            errors.add("certificateNumber", "must be 4-40 characters");
        }
        LocalDate from = date(r, "certificateValidFrom", errors);
        LocalDate to = date(r, "certificateValidTo", errors);
        if ("OFFICER".equals(kind) && certificate == null) {
            errors.add("certificateNumber", "is required for an OFFICER (执法证号)");
        }
        if (certificate != null) {
            if (from == null && r.get("certificateValidFrom") == null) {
                errors.add("certificateValidFrom", "is required with a certificate");
            }
            if (to == null && r.get("certificateValidTo") == null) {
                errors.add("certificateValidTo", "is required with a certificate");
            }
            if (from != null && to != null && to.isBefore(from)) {
                errors.add("certificateValidTo", "must not be before certificateValidFrom");
            } else if (to != null && to.isBefore(LocalDate.now(CHINA))) {
                errors.add("certificateValidTo", "the certificate expired on " + to);
            }
        }
        String region = r.get("regionDivisionCode");
        if (region == null) {
            errors.add("regionDivisionCode", "is required");
        } else {
            Divisions.problem(region).ifPresent(p -> errors.add("regionDivisionCode", p));
        }
        int cap = -1;
        String capText = r.get("yearlyWorkloadCap");
        if (capText == null) {
            errors.add("yearlyWorkloadCap", "is required");
        } else {
            try {
                cap = Integer.parseInt(capText);
                if (cap < 0 || cap > 1000) {
                    errors.add("yearlyWorkloadCap", "must be 0-1000");
                }
            } catch (NumberFormatException e) {
                errors.add("yearlyWorkloadCap", "'" + capText + "' is not a whole number");
            }
        }
        List<String> expertise = SubjectRow.list(r.get("expertise"));
        for (String t : expertise) {
            if (!SubjectRow.TAG_PATTERN.matcher(t).matches()) {
                errors.add("expertise", "'" + t + "' must be 2-40 upper-case letters, digits or '_', starting with a letter");
            }
        }
        String idNumber = r.get("idNumber");
        if (idNumber != null) {
            ResidentId.problem(idNumber).ifPresent(p -> errors.add("idNumber", p));
        }
        String phone = r.get("phone");
        if (phone != null && !phone.matches("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}")) {
            errors.add("phone", "must be a mobile (11 digits) or landline number");
        }
        if (certificate == null && idNumber == null && errors.isEmpty()) {
            errors.add("idNumber", "is required for an expert without certificate, so that a re-import finds the same person");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new InspectorRow(r.row(), department, name, kind, certificate, certificate == null ? null : from,
                certificate == null ? null : to, region, cap, expertise, idNumber, phone);
    }

    private static LocalDate date(TabularFile.Row r, String column, RowErrors errors) {
        String v = r.get(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(column, "'" + v + "' is not a date YYYY-MM-DD");
            return null;
        }
    }
}
