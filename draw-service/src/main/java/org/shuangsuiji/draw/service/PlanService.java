package org.shuangsuiji.draw.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.draw.config.DrawConfig;
import org.shuangsuiji.draw.domain.Draw;
import org.shuangsuiji.draw.domain.Frequency;
import org.shuangsuiji.draw.domain.ItemRef;
import org.shuangsuiji.draw.domain.Plan;
import org.shuangsuiji.draw.domain.PlanStatus;
import org.shuangsuiji.draw.domain.SubjectScope;
import org.shuangsuiji.draw.domain.Task;
import org.shuangsuiji.draw.rest.CreatePlanRequest;
import org.shuangsuiji.draw.rest.TaskRequest;

/**
 * Plans and their tasks. Planners of the department write drafts; the department head files (备案) and publishes.
 * What was published is never edited: an adjustment reopens the working copy, and publishing it again appends a new
 * revision with its reason to the change log.
 */
@ApplicationScoped
public class PlanService {

    public static final String PUBLISHED = "draw.plan.published";
    public static final String ADJUSTED = "draw.plan.adjusted";
    public static final int SCHEMA_VERSION = 1;

    public record Revision(int revision, String reason, String publishedBy, OffsetDateTime publishedAt, JsonNode plan) {}

    public record Change(int seq, String action, String note, String actor, OffsetDateTime at) {}

    /** Data of {@code draw.plan.published} and {@code draw.plan.adjusted}. */
    public record PlanPublished(UUID planId, String department, int year, int revision, String reason,
            String publishedBy, OffsetDateTime publishedAt, PlanView plan) {}

    private final Outbox outbox;
    private final DrawConfig config;
    private final CatalogReadModel catalog;
    private final ObjectMapper mapper;

    public PlanService(Outbox outbox, DrawConfig config, CatalogReadModel catalog, ObjectMapper mapper) {
        this.outbox = outbox;
        this.config = config;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    @Transactional
    public PlanView create(CreatePlanRequest request, CurrentUser user) {
        String department = user.department();
        if (department == null) {
            throw ProblemException.forbidden("a plan belongs to a department; your token names none");
        }
        Plan p = new Plan();
        p.id = UUID.randomUUID();
        p.department = department;
        p.year = request.year();
        p.title = request.title().trim();
        p.joint = Boolean.TRUE.equals(request.joint());
        p.participatingDepartments = request.participatingDepartments() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(request.participatingDepartments()));
        p.status = PlanStatus.DRAFT;
        p.createdBy = user.name();
        p.createdAt = now();
        p.persist();
        change(p, "CREATED", null, user);
        return view(p);
    }

    /** {@code scope}: see {@link DepartmentScope#readable}; a plan outside it is a 403 before it is published or not. */
    @Transactional
    public PlanView get(UUID id, Set<String> scope) {
        Plan p = find(id);
        requireReadable(p, scope);
        return view(p);
    }

    @Transactional
    public void requireReadable(UUID planId, Set<String> scope) {
        requireReadable(find(planId), scope);
    }

    /**
     * A plan is read by its own department, by the departments taking part in it and by every level above those;
     * what is published is public anyway (/public).
     */
    private static void requireReadable(Plan p, Set<String> scope) {
        if (scope != null && !scope.contains(p.department) && p.participatingDepartments.stream().noneMatch(scope::contains)) {
            throw ProblemException.forbidden("plan " + p.id + " of " + p.department + " is read by its departments and"
                    + " the levels above them; published plans are under /public/plans");
        }
    }

    @Transactional
    public Page<PlanView> list(PageRequest page, String department, Integer year, PlanStatus status, Set<String> scope) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (scope != null) {
            @SuppressWarnings("unchecked")
            List<UUID> readable = Panache.getEntityManager().createNativeQuery("""
                    SELECT id FROM plan WHERE department = ANY (CAST(?1 AS text[]))
                       OR participating_departments && CAST(?1 AS text[])""", UUID.class)
                    .setParameter(1, scope.toArray(String[]::new)).getResultList();
            if (readable.isEmpty()) {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
            where.add("id IN :readable");
            params.and("readable", readable);
        }
        if (department != null && !department.isBlank()) {
            where.add("department = :department");
            params.and("department", department);
        }
        if (year != null) {
            where.add("year = :year");
            params.and("year", year);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        PanacheQuery<Plan> q = Plan.find(String.join(" AND ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.by("year").descending().and("department").and("createdAt"), params).page(page.page(), page.size());
        return new Page<>(q.list(), page.page(), page.size(), q.count()).map(this::view);
    }

    @Transactional
    public TaskView addTask(UUID planId, TaskRequest request, CurrentUser user) {
        Plan p = editable(planId, user);
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.planId = p.id;
        Integer max = Panache.getEntityManager()
                .createQuery("SELECT max(t.seq) FROM Task t WHERE t.planId = :plan", Integer.class)
                .setParameter("plan", p.id).getSingleResult();
        t.seq = max == null ? 1 : max + 1;
        t.createdBy = user.name();
        t.createdAt = now();
        apply(t, request, p, user);
        t.persist();
        change(p, "TASK_ADDED", t.seq + ". " + t.name, user);
        return TaskView.of(t);
    }

    @Transactional
    public TaskView updateTask(UUID planId, UUID taskId, TaskRequest request, CurrentUser user) {
        Plan p = editable(planId, user);
        Task t = taskOf(p, taskId);
        requireNotDrawn(t);
        apply(t, request, p, user);
        change(p, "TASK_CHANGED", t.seq + ". " + t.name, user);
        return TaskView.of(t);
    }

    @Transactional
    public void removeTask(UUID planId, UUID taskId, CurrentUser user) {
        Plan p = editable(planId, user);
        Task t = taskOf(p, taskId);
        requireNotDrawn(t);
        t.delete();
        change(p, "TASK_REMOVED", t.seq + ". " + t.name, user);
    }

    /** 备案: the head files the draft with the upper level; it can then be published, no longer edited. */
    @Transactional
    public PlanView file(UUID planId, String filedWith, CurrentUser user) {
        Plan p = locked(planId);
        user.requireDepartment(p.department);
        if (p.status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("not-a-draft", "plan " + planId + " is " + p.status + "; only a draft is filed");
        }
        if (tasks(p).isEmpty()) {
            throw ProblemException.rule("plan-without-tasks", null, "a plan without tasks cannot be filed");
        }
        if (filedWith == null || filedWith.isBlank()) {
            throw ProblemException.invalid("filedWith", "is required: the upper-level department or office the plan is filed with");
        }
        p.status = PlanStatus.FILED;
        p.filedWith = filedWith.trim();
        change(p, "FILED", "filed with " + p.filedWith, user);
        return view(p);
    }

    /** Publishes a filed plan (revision 1) or an adjustment (a new revision, reason required). */
    @Transactional
    public PlanView publish(UUID planId, String reason, CurrentUser user) {
        Plan p = locked(planId);
        user.requireDepartment(p.department);
        boolean adjustment = p.status == PlanStatus.ADJUSTING;
        if (p.status != PlanStatus.FILED && !adjustment) {
            throw ProblemException.conflict("not-publishable", "plan " + planId + " is " + p.status
                    + "; a plan is published once filed, and again only after an adjustment");
        }
        if (adjustment && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "is required: every adjustment is published with its reason");
        }
        if (tasks(p).isEmpty()) {
            throw ProblemException.rule("plan-without-tasks", null, "a plan without tasks cannot be published");
        }
        p.status = PlanStatus.PUBLISHED;
        p.revision = p.revision + 1;
        Set<String> participating = new TreeSet<>(p.participatingDepartments);
        for (Task t : tasks(p)) {
            participating.addAll(t.participatingDepartments());
        }
        participating.remove(p.department);
        p.participatingDepartments = new ArrayList<>(participating);
        p.flush();
        PlanView view = view(p);
        OffsetDateTime at = now();
        String note = adjustment ? reason.trim() : null;
        Panache.getEntityManager().createNativeQuery("""
                INSERT INTO plan_revision (plan_id, revision, reason, content, published_by, published_at)
                VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6)""")
                .setParameter(1, p.id).setParameter(2, p.revision).setParameter(3, note)
                .setParameter(4, write(view)).setParameter(5, user.name()).setParameter(6, at)
                .executeUpdate();
        change(p, adjustment ? "ADJUSTMENT_PUBLISHED" : "PUBLISHED",
                "revision " + p.revision + (note == null ? "" : ": " + note), user);
        outbox.publish(config.eventsTopic(), p.id.toString(), adjustment ? ADJUSTED : PUBLISHED, SCHEMA_VERSION,
                new PlanPublished(p.id, p.department, p.year, p.revision, note, user.name(), at, view));
        return view;
    }

    /** Reopens a published plan for changes; the public keeps seeing the last revision until the next publication. */
    @Transactional
    public PlanView openAdjustment(UUID planId, String reason, CurrentUser user) {
        Plan p = locked(planId);
        user.requireDepartment(p.department);
        if (p.status != PlanStatus.PUBLISHED) {
            throw ProblemException.conflict("not-published", "plan " + planId + " is " + p.status
                    + "; only a published plan is adjusted");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "is required: say why the plan is adjusted");
        }
        p.status = PlanStatus.ADJUSTING;
        change(p, "ADJUSTMENT_OPENED", reason.trim(), user);
        return view(p);
    }

    @Transactional
    public List<Revision> revisions(UUID planId) {
        find(planId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                SELECT revision, reason, published_by, published_at, CAST(content AS text) FROM plan_revision
                WHERE plan_id = ?1 ORDER BY revision""").setParameter(1, planId).getResultList();
        List<Revision> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Revision(((Number) r[0]).intValue(), (String) r[1], (String) r[2], toOffset(r[3]), read((String) r[4])));
        }
        return out;
    }

    @Transactional
    public List<Change> changes(UUID planId) {
        find(planId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "SELECT seq, action, note, actor, at FROM plan_change WHERE plan_id = ?1 ORDER BY seq")
                .setParameter(1, planId).getResultList();
        List<Change> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Change(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3], toOffset(r[4])));
        }
        return out;
    }

    /** The latest published revision, for the public; 404 while a plan was never published. */
    @Transactional
    public Revision latestPublished(UUID planId) {
        List<Revision> all = revisions(planId);
        if (all.isEmpty()) {
            throw ProblemException.notFound("published plan", planId.toString());
        }
        return all.get(all.size() - 1);
    }

    @Transactional
    public Page<Revision> publicList(PageRequest page, String department, Integer year) {
        String where = "p.revision > 0 AND (CAST(:department AS text) IS NULL OR p.department = CAST(:department AS text))"
                + " AND (CAST(:year AS integer) IS NULL OR p.year = CAST(:year AS integer))";
        String dept = department == null || department.isBlank() ? null : department;
        var em = Panache.getEntityManager();
        Number total = (Number) em.createNativeQuery("SELECT count(*) FROM plan p WHERE " + where)
                .setParameter("department", dept).setParameter("year", year).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.revision, r.reason, r.published_by, r.published_at, CAST(r.content AS text) FROM plan p
                JOIN plan_revision r ON r.plan_id = p.id AND r.revision = p.revision
                WHERE\s""" + where + " ORDER BY p.year DESC, p.department, p.created_at")
                .setParameter("department", dept).setParameter("year", year)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<Revision> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Revision(((Number) r[0]).intValue(), (String) r[1], (String) r[2], toOffset(r[3]), read((String) r[4])));
        }
        return new Page<>(out, page.page(), page.size(), total.longValue());
    }

    @Transactional
    public TaskView task(UUID taskId) {
        Task t = Task.findById(taskId);
        if (t == null) {
            throw ProblemException.notFound("task", taskId.toString());
        }
        return TaskView.of(t);
    }

    // --- rules of a task -----------------------------------------------------------------------------------------

    private void apply(Task t, TaskRequest r, Plan p, CurrentUser user) {
        t.name = r.name().trim();
        t.joint = Boolean.TRUE.equals(r.joint());
        t.leadDepartment = blank(r.leadDepartment()) ? p.department : r.leadDepartment().trim();
        List<String> cooperating = r.cooperatingDepartments() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(r.cooperatingDepartments()));
        if (cooperating.contains(t.leadDepartment)) {
            throw ProblemException.invalid("cooperatingDepartments", "must not contain the lead department " + t.leadDepartment);
        }
        if (t.joint && cooperating.isEmpty()) {
            throw ProblemException.invalid("cooperatingDepartments", "a joint task needs at least one cooperating department");
        }
        if (!t.joint && !cooperating.isEmpty()) {
            throw ProblemException.invalid("cooperatingDepartments", "an internal task has no cooperating departments (set joint: true)");
        }
        t.cooperatingDepartments = new ArrayList<>(cooperating);
        t.drawLevel = r.drawLevel();
        if (r.periodTo().isBefore(r.periodFrom())) {
            throw ProblemException.invalid("periodTo", "must not be before periodFrom " + r.periodFrom());
        }
        if (r.periodTo().isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw ProblemException.rule("period-ended", "periodTo", "the period ended on " + r.periodTo()
                    + "; a task is planned for a period that has not ended");
        }
        if (r.periodFrom().getYear() != p.year && r.periodTo().getYear() != p.year) {
            throw ProblemException.invalid("periodFrom", "the period must fall in the plan's year " + p.year);
        }
        t.periodFrom = r.periodFrom();
        t.periodTo = r.periodTo();

        List<ItemRef> items = new ArrayList<>();
        t.scenarioCode = null;
        t.scenarioVersion = null;
        if (!blank(r.scenario())) {
            String[] sv = r.scenario().split("@");
            CatalogReadModel.Scenario s = catalog.scenario(sv[0], Integer.parseInt(sv[1]));
            if (s == null || !"PUBLISHED".equals(s.status())) {
                throw ProblemException.rule("scenario-not-published", "scenario", r.scenario()
                        + (s == null ? " is not a published scenario version" : " is retired"));
            }
            t.scenarioCode = s.code();
            t.scenarioVersion = s.version();
            for (ItemRef i : s.items()) {
                requirePublished("scenario", i.code(), i.version());
                items.add(i);
            }
        }
        List<String> refs = r.items() == null ? List.of() : r.items();
        for (int i = 0; i < refs.size(); i++) {
            String[] cv = refs.get(i).split("@");
            CatalogReadModel.Item item = requirePublished("items[" + i + "]", cv[0], Integer.parseInt(cv[1]));
            ItemRef ref = new ItemRef(item.department(), item.code(), item.version());
            if (!items.contains(ref)) {
                items.add(ref);
            }
        }
        if (items.isEmpty()) {
            throw ProblemException.invalid("items", "a task inspects at least one published item (code@version) or names a scenario");
        }
        List<String> participating = t.participatingDepartments();
        int minTeam = 2;
        for (int i = 0; i < items.size(); i++) {
            ItemRef ref = items.get(i);
            if (!participating.contains(ref.department())) {
                throw ProblemException.rule("item-department-not-participating", "items", ref.ref() + " belongs to "
                        + ref.department() + ", which does not take part in the task (" + String.join(", ", participating) + ")");
            }
            minTeam = Math.max(minTeam, catalog.item(ref.code(), ref.version()).minTeamSize());
        }
        t.items = items;

        CatalogReadModel.Rules rules = catalog.rules(t.leadDepartment,
                items.stream().filter(i -> i.department().equals(t.leadDepartment)).map(ItemRef::code).toList());
        if (r.ratios() == null) {
            if (rules.ratioA() == null) {
                throw ProblemException.invalid("ratios", "are required: " + t.leadDepartment
                        + " has published no implementation rules (细则) to take them from");
            }
            t.ratioA = rules.ratioA();
            t.ratioB = rules.ratioB();
            t.ratioC = rules.ratioC();
            t.ratioD = rules.ratioD();
            t.ratioSource = "rules " + rules.key() + " v" + rules.version();
        } else {
            t.ratioA = ratio("ratios.A", r.ratios().A());
            t.ratioB = ratio("ratios.B", r.ratios().B());
            t.ratioC = ratio("ratios.C", r.ratios().C());
            t.ratioD = ratio("ratios.D", r.ratios().D());
            rising("ratios.B", t.ratioB, "A", t.ratioA);
            rising("ratios.C", t.ratioC, "B", t.ratioB);
            rising("ratios.D", t.ratioD, "C", t.ratioC);
            t.ratioSource = "TASK";
        }
        t.minimumCount = r.minimumCount() == null ? rules.minimumCount() : r.minimumCount();
        if (t.minimumCount < 1) {
            throw ProblemException.invalid("minimumCount", "must be at least 1 (got " + t.minimumCount + ")");
        }
        t.teamSize = r.teamSize() == null ? minTeam : r.teamSize();
        if (t.teamSize < 2) {
            throw ProblemException.invalid("teamSize", "must be at least 2: every inspection needs two enforcement officers (got " + t.teamSize + ")");
        }
        if (t.teamSize < minTeam) {
            throw ProblemException.invalid("teamSize", "must be at least " + minTeam + ", the largest minTeamSize of the task's items");
        }
        if (t.joint && t.teamSize < participating.size()) {
            throw ProblemException.invalid("teamSize", "a joint task needs at least one officer per participating department ("
                    + participating.size() + ")");
        }
        t.batches = r.batches() == null ? 1 : r.batches();
        if (t.batches < 1) {
            throw ProblemException.invalid("batches", "must be at least 1");
        }
        t.frequency = r.frequency();
        requireBatchesFitFrequency(t);
        t.remarks = r.remarks();
        TaskRequest.ScopeRequest s = r.scope();
        t.scope = s == null ? new SubjectScope(t.leadDepartment, null, null, null, null, List.of())
                : new SubjectScope(blank(s.department()) ? t.leadDepartment : s.department().trim(), emptyToNull(s.itemFamily()),
                        emptyToNull(s.industry()), emptyToNull(s.divisionPrefix()), emptyToNull(s.kind()), s.tags());
        if (!participating.contains(t.scope.department())) {
            throw ProblemException.invalid("scope.department", "must be the directory of a participating department ("
                    + String.join(", ", participating) + ")");
        }
        t.updatedBy = user.name();
        t.updatedAt = now();
    }

    /**
     * The plan line must be able to keep its own frequency: N a year allows at most N batches per calendar year the
     * period touches, "at least N" needs N batches. Draws are checked again (docs/draw.md, frequency).
     */
    private static void requireBatchesFitFrequency(Task t) {
        Frequency f;
        try {
            f = Frequency.parse(t.frequency);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("frequency", e.getMessage());
        }
        if (f == null) {
            return;
        }
        int years = t.periodTo.getYear() - t.periodFrom.getYear() + 1;
        if (!f.atLeast() && t.batches > f.perYear() * years) {
            throw ProblemException.rule("batches-exceed-frequency", "batches", t.batches + " batches over " + years
                    + " calendar year(s) exceed the frequency '" + t.frequency + "' (" + f.perYear() + " a year)");
        }
        if (f.atLeast() && t.batches < f.perYear()) {
            throw ProblemException.rule("batches-below-frequency", "batches", t.batches + " batch(es) cannot keep the "
                    + "frequency '" + t.frequency + "' (at least " + f.perYear() + " a year)");
        }
    }

    private CatalogReadModel.Item requirePublished(String field, String code, int version) {
        CatalogReadModel.Item item = catalog.item(code, version);
        if (item == null) {
            throw ProblemException.rule("item-not-published", field, code + "@" + version
                    + " is not a published catalog item version (unknown to draw-service)");
        }
        if (!"PUBLISHED".equals(item.status())) {
            throw ProblemException.rule("item-not-published", field, code + "@" + version + " is retired");
        }
        return item;
    }

    private static BigDecimal ratio(String field, BigDecimal value) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required");
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw ProblemException.invalid(field, "must be greater than 0 and at most 1 (got " + value.toPlainString() + ")");
        }
        if (value.stripTrailingZeros().scale() > 5) {
            throw ProblemException.invalid(field, "must have at most 5 decimal places");
        }
        return value;
    }

    private static void rising(String field, BigDecimal value, String lowerClass, BigDecimal lower) {
        if (value.compareTo(lower) < 0) {
            throw ProblemException.invalid(field, "must not be below class " + lowerClass + "'s ratio "
                    + lower.toPlainString() + ": ratios rise with risk (递加比例)");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private Plan find(UUID id) {
        Plan p = Plan.findById(id);
        if (p == null) {
            throw ProblemException.notFound("plan", id.toString());
        }
        return p;
    }

    private Plan locked(UUID id) {
        Plan p = Plan.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("plan", id.toString());
        }
        return p;
    }

    private Plan editable(UUID planId, CurrentUser user) {
        Plan p = locked(planId);
        user.requireDepartment(p.department);
        if (p.status != PlanStatus.DRAFT && p.status != PlanStatus.ADJUSTING) {
            throw ProblemException.conflict("plan-not-editable", "plan " + planId + " is " + p.status
                    + "; tasks change only in a draft or an open adjustment");
        }
        return p;
    }

    private static Task taskOf(Plan p, UUID taskId) {
        Task t = Task.findById(taskId);
        if (t == null || !t.planId.equals(p.id)) {
            throw ProblemException.notFound("task", taskId + " of plan " + p.id);
        }
        return t;
    }

    private static void requireNotDrawn(Task t) {
        if (Draw.count("taskId", t.id) > 0) {
            throw ProblemException.conflict("task-drawn", "task " + t.id + " has an announced draw; it can no longer change");
        }
    }

    static List<Task> tasks(Plan p) {
        return Task.list("planId", Sort.by("seq"), p.id);
    }

    private PlanView view(Plan p) {
        return PlanView.of(p, tasks(p).stream().map(TaskView::of).toList());
    }

    private void change(Plan p, String action, String note, CurrentUser user) {
        var em = Panache.getEntityManager();
        Number last = (Number) em.createNativeQuery("SELECT coalesce(max(seq), 0) FROM plan_change WHERE plan_id = ?1")
                .setParameter(1, p.id).getSingleResult();
        em.createNativeQuery("INSERT INTO plan_change (plan_id, seq, action, note, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, p.id).setParameter(2, last.intValue() + 1).setParameter(3, action)
                .setParameter(4, note).setParameter(5, user.name()).setParameter(6, now())
                .executeUpdate();
    }

    private String write(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime toOffset(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time value " + o);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.trim();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
