package org.shuangsuiji.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shuangsuiji.catalog.domain.IndustryScenario;
import org.shuangsuiji.catalog.domain.InspectionItem;
import org.shuangsuiji.catalog.domain.InspectionMethod;
import org.shuangsuiji.catalog.domain.KnownDepartment;
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.domain.ScenarioItem;
import org.shuangsuiji.commons.problem.ProblemException;

/**
 * The lists the public may read without a token: published items per department and region, and the joint lists.
 * Only current published versions appear; drafts and retired items never do.
 */
@ApplicationScoped
public class PublicListService {

    private final DepartmentDirectory departments;
    private final ScenarioService scenarios;

    public PublicListService(DepartmentDirectory departments, ScenarioService scenarios) {
        this.departments = departments;
        this.scenarios = scenarios;
    }

    /** One line of the 随机抽查事项清单. */
    public record ItemRow(
            int no,
            String category,
            String name,
            String objectDescription,
            String itemClass,
            String methods,
            String department,
            String departmentName,
            String divisionCode,
            String legalBasis,
            String code,
            int version,
            String ref) {

        public List<String> cells() {
            return List.of(String.valueOf(no), category, name, objectDescription, itemClass, methods, departmentName,
                    legalBasis);
        }
    }

    /** One line of the 部门联合抽查事项清单. */
    public record JointRow(
            int no,
            String field,
            String itemName,
            String objectDescription,
            String leadDepartment,
            String cooperatingDepartments,
            String scenario,
            String itemRef,
            String itemDepartment) {

        public List<String> cells() {
            return List.of(String.valueOf(no), field, itemName, objectDescription, leadDepartment, cooperatingDepartments);
        }
    }

    public List<ItemRow> items(String department, String division) {
        List<String> scope = scope(department, division);
        List<InspectionItem> published = scope == null
                ? InspectionItem.list("status = ?1 ORDER BY department, code", LifecycleStatus.PUBLISHED)
                : scope.isEmpty() ? List.of()
                        : InspectionItem.list("status = ?1 AND department IN (?2) ORDER BY department, code",
                                LifecycleStatus.PUBLISHED, scope);
        Map<String, KnownDepartment> known = departments.byCode();
        List<ItemRow> rows = new ArrayList<>(published.size());
        int no = 1;
        for (InspectionItem i : published) {
            KnownDepartment d = known.get(i.department);
            rows.add(new ItemRow(no++, i.category, i.name, i.objectDescription, i.itemClass.label(),
                    i.methods.stream().map(InspectionMethod::label).collect(Collectors.joining("、")), i.department,
                    d == null ? i.department : d.name, d == null ? null : d.divisionCode,
                    i.legalBasis.stream().map(Handbook::basis).collect(Collectors.joining("；")), i.code, i.version,
                    i.ref()));
        }
        return rows;
    }

    /** Joint list: one line per item of every published scenario the department (or region) leads or joins. */
    public List<JointRow> joint(String department, String division) {
        List<String> scope = scope(department, division);
        Map<String, KnownDepartment> known = departments.byCode();
        List<JointRow> rows = new ArrayList<>();
        int no = 1;
        for (IndustryScenario s : scenarios.published(null)) {
            if (scope != null && scope.stream().noneMatch(d -> ScenarioService.involves(s, d))) {
                continue;
            }
            String cooperating = s.cooperatingDepartments.stream().map(d -> DepartmentDirectory.nameOf(known, d))
                    .collect(Collectors.joining("、"));
            for (ScenarioItem ref : s.items) {
                InspectionItem i = InspectionItem.ofVersion(ref.itemCode(), ref.itemVersion());
                if (i == null) {
                    continue;
                }
                rows.add(new JointRow(no++, s.name, i.name, i.objectDescription,
                        DepartmentDirectory.nameOf(known, s.leadDepartment), cooperating, s.code + "@" + s.version,
                        i.ref(), i.department));
            }
        }
        return rows;
    }

    /** Null for "everywhere", else the department codes in scope (possibly none). */
    private List<String> scope(String department, String division) {
        if (division != null && !division.isBlank() && !division.matches("\\d{2,6}")) {
            throw ProblemException.invalid("division", "must be a GB/T 2260 division code or its prefix (2 to 6 digits)");
        }
        List<String> scope = null;
        if (division != null && !division.isBlank()) {
            scope = departments.codesInDivision(trimDivision(division));
        }
        if (department != null && !department.isBlank()) {
            scope = scope == null ? List.of(department) : scope.stream().filter(department::equals).toList();
        }
        return scope;
    }

    /** 140000 means all of Shanxi and 140500 all of Jincheng: trailing zero pairs widen the prefix. */
    static String trimDivision(String division) {
        String d = division;
        while (d.length() > 2 && d.endsWith("00")) {
            d = d.substring(0, d.length() - 2);
        }
        return d;
    }
}
