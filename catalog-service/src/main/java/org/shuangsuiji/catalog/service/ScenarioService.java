package org.shuangsuiji.catalog.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.shuangsuiji.catalog.config.CatalogConfig;
import org.shuangsuiji.catalog.domain.Aggregate;
import org.shuangsuiji.catalog.domain.IndustryScenario;
import org.shuangsuiji.catalog.domain.InspectionItem;
import org.shuangsuiji.catalog.domain.InspectionMethod;
import org.shuangsuiji.catalog.domain.KnownDepartment;
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.domain.ScenarioItem;
import org.shuangsuiji.catalog.domain.Transition;
import org.shuangsuiji.catalog.rest.ScenarioRequest;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.persistence.UniqueKeys;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;

/** 一业一查 scenarios: owned and organised by the lead department ("谁发起、谁组织"), reviewed like items. */
@ApplicationScoped
public class ScenarioService {

    private final Outbox outbox;
    private final CatalogConfig config;
    private final Lifecycle lifecycle;
    private final DepartmentDirectory departments;

    public ScenarioService(Outbox outbox, CatalogConfig config, Lifecycle lifecycle, DepartmentDirectory departments) {
        this.outbox = outbox;
        this.config = config;
        this.lifecycle = lifecycle;
        this.departments = departments;
    }

    @Transactional
    public IndustryScenario create(ScenarioRequest request, CurrentUser user) {
        lifecycle.requireEditor(request.leadDepartment(), user);
        if (IndustryScenario.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate-code", "a scenario with code " + request.code() + " already exists");
        }
        List<ScenarioItem> items = resolve(request);
        IndustryScenario s = newVersion(request, items, 1, user);
        UniqueKeys.persist(s, "duplicate-code", "a scenario with code " + request.code() + " already exists");
        lifecycle.created(Aggregate.SCENARIO, s, Lifecycle.CREATE, user, request.comment());
        return s;
    }

    /** Edits the open draft, or opens a draft of the next version when the latest is published or retired. */
    @Transactional
    public IndustryScenario edit(String code, ScenarioRequest request, CurrentUser user) {
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "must equal the code in the path (" + code + ")");
        }
        IndustryScenario latest = require(code);
        lifecycle.requireEditor(latest.leadDepartment, user);
        if (!latest.leadDepartment.equals(request.leadDepartment())) {
            throw ProblemException.invalid("leadDepartment", "a scenario stays with its lead department (" + latest.leadDepartment + ")");
        }
        List<ScenarioItem> items = resolve(request);
        if (sameContent(latest, request, items)) {
            return latest;
        }
        switch (latest.status) {
            case DRAFT -> {
                apply(latest, request, items);
                lifecycle.edited(Aggregate.SCENARIO, latest, user, request.comment());
                return latest;
            }
            case PUBLISHED, RETIRED, SUPERSEDED -> {
                IndustryScenario next = newVersion(request, items, latest.version + 1, user);
                UniqueKeys.persist(next, "concurrent-change", "someone else opened version " + next.version + " meanwhile");
                lifecycle.created(Aggregate.SCENARIO, next, Lifecycle.NEW_VERSION, user,
                        request.comment() == null ? "changes version " + latest.version : request.comment());
                return next;
            }
            default -> throw ProblemException.conflict("under-review", code + "@" + latest.version + " is "
                    + latest.status + ": a reviewer must send it back (reject) before it can be changed");
        }
    }

    @Transactional
    public IndustryScenario submit(String code, String comment, CurrentUser user) {
        IndustryScenario s = require(code);
        lifecycle.submit(Aggregate.SCENARIO, s, user, comment);
        return s;
    }

    @Transactional
    public IndustryScenario approve(String code, String comment, CurrentUser user) {
        IndustryScenario s = require(code);
        lifecycle.approve(Aggregate.SCENARIO, s, user, comment);
        return s;
    }

    @Transactional
    public IndustryScenario reject(String code, String comment, CurrentUser user) {
        IndustryScenario s = require(code);
        lifecycle.reject(Aggregate.SCENARIO, s, user, comment);
        return s;
    }

    /** Publishes the approved version if every item it pins is still the published version of its code. */
    @Transactional
    public IndustryScenario publish(String code, String comment, CurrentUser user) {
        IndustryScenario s = require(code);
        lifecycle.requireReviewer(s.leadDepartment, user);
        for (int i = 0; i < s.items.size(); i++) {
            ScenarioItem ref = s.items.get(i);
            InspectionItem item = InspectionItem.ofVersion(ref.itemCode(), ref.itemVersion());
            if (item == null || item.status != LifecycleStatus.PUBLISHED) {
                throw ProblemException.rule("item-not-published", "items[" + i + "]", ref.itemCode() + "@" + ref.itemVersion()
                        + " is " + (item == null ? "missing" : item.status) + "; edit the scenario to the published version");
            }
        }
        lifecycle.publish(Aggregate.SCENARIO, s, IndustryScenario.published(code), user, comment);
        outbox.publish(config.eventsTopic(), s.code, ScenarioPublished.TYPE, ScenarioPublished.SCHEMA_VERSION,
                ScenarioPublished.of(s));
        return s;
    }

    @Transactional
    public IndustryScenario retire(String code, String comment, CurrentUser user) {
        IndustryScenario s = IndustryScenario.published(code);
        if (s == null) {
            IndustryScenario latest = require(code);
            throw ProblemException.conflict("wrong-status", code + " has no published version to retire (latest is "
                    + code + "@" + latest.version + ", " + latest.status + ")");
        }
        lifecycle.retire(Aggregate.SCENARIO, s, user, comment);
        outbox.publish(config.eventsTopic(), s.code, Retired.SCENARIO_TYPE, Retired.SCHEMA_VERSION,
                new Retired(s.code, s.version, s.retiredAt, s.retiredBy));
        return s;
    }

    public IndustryScenario get(String ref) {
        int at = ref.lastIndexOf('@');
        if (at > 0) {
            try {
                return version(ref.substring(0, at), Integer.parseInt(ref.substring(at + 1)));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("version", "must be a positive whole number, as in YC-LS-001@2");
            }
        }
        return require(ref);
    }

    public IndustryScenario version(String code, int version) {
        IndustryScenario s = IndustryScenario.ofVersion(code, version);
        if (s == null) {
            throw ProblemException.notFound("scenario version", code + "@" + version);
        }
        return s;
    }

    public List<IndustryScenario> versions(String code) {
        require(code);
        return IndustryScenario.list("code = ?1 ORDER BY version", code);
    }

    public List<Transition> history(String code) {
        require(code);
        return Transition.of(Aggregate.SCENARIO, code);
    }

    public Page<IndustryScenario> list(String department, LifecycleStatus status, PageRequest page) {
        StringBuilder q = new StringBuilder(
                "FROM IndustryScenario s WHERE s.version = (SELECT max(t.version) FROM IndustryScenario t WHERE t.code = s.code)");
        Parameters p = new Parameters();
        if (status != null) {
            q.append(" AND s.status = :status");
            p.and("status", status);
        }
        List<IndustryScenario> all = IndustryScenario.<IndustryScenario>find(q + " ORDER BY s.code", p).list();
        if (department != null && !department.isBlank()) {
            all = all.stream().filter(s -> involves(s, department)).toList();
        }
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.size(), all.size());
        return new Page<>(all.subList(from, to), page.page(), page.size(), all.size());
    }

    /** Published scenarios (current versions), optionally those a department leads or joins. */
    public List<IndustryScenario> published(String department) {
        List<IndustryScenario> all = IndustryScenario.list("status = ?1 ORDER BY code", LifecycleStatus.PUBLISHED);
        return department == null ? all : all.stream().filter(s -> involves(s, department)).toList();
    }

    static boolean involves(IndustryScenario s, String department) {
        return s.leadDepartment.equals(department) || s.cooperatingDepartments.contains(department);
    }

    /** The merged checklist of one version: the pinned item versions, grouped lead first. */
    public Checklist checklist(IndustryScenario s) {
        Map<String, KnownDepartment> known = departments.byCode();
        List<String> order = new ArrayList<>();
        order.add(s.leadDepartment);
        order.addAll(s.cooperatingDepartments);
        List<Checklist.Section> sections = new ArrayList<>();
        Set<String> tags = new TreeSet<>();
        Set<InspectionMethod> methods = new TreeSet<>();
        int team = 2;
        int count = 0;
        for (String dept : order) {
            List<Checklist.Entry> entries = new ArrayList<>();
            for (ScenarioItem ref : s.items) {
                if (!ref.department().equals(dept)) {
                    continue;
                }
                InspectionItem i = InspectionItem.ofVersion(ref.itemCode(), ref.itemVersion());
                if (i == null) {
                    continue; // versions are never deleted; only a hand-edited database gets here
                }
                entries.add(new Checklist.Entry(i.ref(), i.code, i.version, i.name, i.category, i.objectDescription,
                        i.content, i.methods, i.itemClass, i.legalBasis, i.minTeamSize, i.requiredTags, i.remarks));
                tags.addAll(i.requiredTags);
                methods.addAll(i.methods);
                team = Math.max(team, i.minTeamSize);
                count++;
            }
            sections.add(new Checklist.Section(dept, DepartmentDirectory.nameOf(known, dept),
                    dept.equals(s.leadDepartment) ? "LEAD" : "COOPERATING", entries));
        }
        return new Checklist(s.code + "@" + s.version, s.code, s.version, s.status, s.name, s.industryCode, s.description,
                department(known, s.leadDepartment),
                s.cooperatingDepartments.stream().map(d -> department(known, d)).toList(),
                count, team, List.copyOf(tags), List.copyOf(methods), sections);
    }

    private static Checklist.Department department(Map<String, KnownDepartment> known, String code) {
        KnownDepartment d = known.get(code);
        return new Checklist.Department(code, d == null ? code : d.name, d == null ? null : d.divisionCode);
    }

    IndustryScenario require(String code) {
        IndustryScenario s = IndustryScenario.latest(code);
        if (s == null) {
            throw ProblemException.notFound("scenario", code);
        }
        return s;
    }

    /** Checks departments and items and pins every item to a published version. */
    private List<ScenarioItem> resolve(ScenarioRequest r) {
        departments.require(r.leadDepartment(), "leadDepartment");
        Set<String> cooperating = new LinkedHashSet<>();
        for (int j = 0; j < r.cooperatingDepartments().size(); j++) {
            String d = r.cooperatingDepartments().get(j);
            String field = "cooperatingDepartments[" + j + "]";
            departments.require(d, field);
            if (d.equals(r.leadDepartment())) {
                throw ProblemException.invalid(field, d + " is the lead department; it cannot also cooperate");
            }
            if (!cooperating.add(d)) {
                throw ProblemException.invalid(field, d + " is listed twice");
            }
        }
        List<ScenarioItem> items = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> bringing = new HashSet<>();
        for (int i = 0; i < r.items().size(); i++) {
            ScenarioRequest.ItemRef ref = r.items().get(i);
            String field = "items[" + i + "]";
            InspectionItem item = ref.itemVersion() == null
                    ? InspectionItem.published(ref.itemCode())
                    : InspectionItem.ofVersion(ref.itemCode(), ref.itemVersion());
            if (item == null) {
                throw ProblemException.invalid(field + ".itemCode", ref.itemVersion() == null
                        ? "item " + ref.itemCode() + " has no published version"
                        : "item version " + ref.itemCode() + "@" + ref.itemVersion() + " does not exist");
            }
            if (item.status != LifecycleStatus.PUBLISHED) {
                throw ProblemException.rule("item-not-published", field + ".itemVersion",
                        item.ref() + " is " + item.status + "; a scenario may only bring published item versions");
            }
            if (!item.department.equals(r.leadDepartment()) && !cooperating.contains(item.department)) {
                throw ProblemException.invalid(field + ".itemCode", item.code + " belongs to " + item.department
                        + ", which is neither the lead nor a cooperating department");
            }
            if (!codes.add(item.code)) {
                throw ProblemException.invalid(field + ".itemCode", item.code + " is listed twice");
            }
            bringing.add(item.department);
            items.add(new ScenarioItem(item.department, item.code, item.version));
        }
        if (!bringing.contains(r.leadDepartment())) {
            throw ProblemException.invalid("leadDepartment", r.leadDepartment() + " brings no item to the joint inspection");
        }
        int j = 0;
        for (String d : cooperating) {
            if (!bringing.contains(d)) {
                throw ProblemException.invalid("cooperatingDepartments[" + j + "]", d + " brings no item to the joint inspection");
            }
            j++;
        }
        return items;
    }

    private static IndustryScenario newVersion(ScenarioRequest r, List<ScenarioItem> items, int version, CurrentUser user) {
        IndustryScenario s = new IndustryScenario();
        s.code = r.code();
        s.version = version;
        s.leadDepartment = r.leadDepartment();
        s.status = LifecycleStatus.DRAFT;
        s.createdBy = user.name();
        s.createdAt = Lifecycle.now();
        apply(s, r, items);
        return s;
    }

    private static void apply(IndustryScenario s, ScenarioRequest r, List<ScenarioItem> items) {
        s.name = r.name().strip();
        s.industryCode = blankToNull(r.industryCode());
        s.description = blankToNull(r.description());
        s.cooperatingDepartments = new ArrayList<>(new LinkedHashSet<>(r.cooperatingDepartments()));
        s.items = items;
    }

    private static boolean sameContent(IndustryScenario s, ScenarioRequest r, List<ScenarioItem> items) {
        return s.name.equals(r.name().strip()) && Objects.equals(s.industryCode, blankToNull(r.industryCode()))
                && Objects.equals(s.description, blankToNull(r.description()))
                && s.cooperatingDepartments.equals(new ArrayList<>(new LinkedHashSet<>(r.cooperatingDepartments())))
                && s.items.equals(items);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
