package org.shuangsuiji.catalog.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.shuangsuiji.catalog.config.CatalogConfig;
import org.shuangsuiji.catalog.domain.Aggregate;
import org.shuangsuiji.catalog.domain.InspectionItem;
import org.shuangsuiji.catalog.domain.InspectionWindow;
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.domain.RuleSet;
import org.shuangsuiji.catalog.domain.Transition;
import org.shuangsuiji.catalog.rest.RuleSetRequest;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.persistence.UniqueKeys;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;

/**
 * Implementation rules (细则) as data, reviewed like items. Item-level rules override the department's; draw-service
 * and inspection-service read them from {@code catalog.rules.published}.
 */
@ApplicationScoped
public class RuleService {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final String[] CLASSES = {"A", "B", "C", "D"};

    private final Outbox outbox;
    private final CatalogConfig config;
    private final Lifecycle lifecycle;
    private final DepartmentDirectory departments;

    public RuleService(Outbox outbox, CatalogConfig config, Lifecycle lifecycle, DepartmentDirectory departments) {
        this.outbox = outbox;
        this.config = config;
        this.lifecycle = lifecycle;
        this.departments = departments;
    }

    public record Written(RuleSet rules, EditOutcome outcome) {}

    /** Creates version 1, edits the open draft, or opens the next version's draft after a published one. */
    @Transactional
    public Written save(RuleSetRequest r, CurrentUser user) {
        lifecycle.requireEditor(r.department(), user);
        departments.require(r.department(), "department");
        String itemCode = r.itemCode() == null || r.itemCode().isBlank() ? null : r.itemCode().strip();
        if (itemCode != null) {
            InspectionItem item = InspectionItem.latest(itemCode);
            if (item == null) {
                throw ProblemException.invalid("itemCode", "item " + itemCode + " does not exist");
            }
            if (!item.department.equals(r.department())) {
                throw ProblemException.invalid("itemCode", "item " + itemCode + " belongs to " + item.department
                        + ", not to " + r.department());
            }
        }
        validate(r);
        String key = RuleSet.keyOf(r.department(), itemCode);
        RuleSet latest = RuleSet.latest(key);
        if (latest == null) {
            RuleSet rules = newVersion(r, key, itemCode, 1, user);
            UniqueKeys.persist(rules, "duplicate-rules", "rules " + key + " were created meanwhile");
            lifecycle.created(Aggregate.RULES, rules, Lifecycle.CREATE, user, r.comment());
            return new Written(rules, EditOutcome.CREATED);
        }
        if (sameContent(latest, r)) {
            return new Written(latest, EditOutcome.UNCHANGED);
        }
        switch (latest.status) {
            case DRAFT -> {
                apply(latest, r);
                lifecycle.edited(Aggregate.RULES, latest, user, r.comment());
                return new Written(latest, EditOutcome.UPDATED);
            }
            case PUBLISHED, RETIRED, SUPERSEDED -> {
                RuleSet next = newVersion(r, key, itemCode, latest.version + 1, user);
                UniqueKeys.persist(next, "concurrent-change", "someone else opened version " + next.version + " meanwhile");
                lifecycle.created(Aggregate.RULES, next, Lifecycle.NEW_VERSION, user,
                        r.comment() == null ? "changes version " + latest.version : r.comment());
                return new Written(next, EditOutcome.NEW_VERSION);
            }
            default -> throw ProblemException.conflict("under-review", key + "@" + latest.version + " is "
                    + latest.status + ": a reviewer must send it back (reject) before it can be changed");
        }
    }

    @Transactional
    public RuleSet step(String key, String action, String comment, CurrentUser user) {
        RuleSet rules = require(key);
        switch (action) {
            case "submit" -> lifecycle.submit(Aggregate.RULES, rules, user, comment);
            case "approve" -> lifecycle.approve(Aggregate.RULES, rules, user, comment);
            case "reject" -> lifecycle.reject(Aggregate.RULES, rules, user, comment);
            case "publish" -> {
                lifecycle.publish(Aggregate.RULES, rules, RuleSet.published(key), user, comment);
                outbox.publish(config.eventsTopic(), key, RulesPublished.TYPE, RulesPublished.SCHEMA_VERSION,
                        RulesPublished.of(rules));
            }
            default -> throw ProblemException.notFound("action", action);
        }
        return rules;
    }

    public RuleSet require(String key) {
        RuleSet rules = RuleSet.latest(key);
        if (rules == null) {
            throw ProblemException.notFound("rules", key);
        }
        return rules;
    }

    public RuleSet version(String key, int version) {
        RuleSet rules = RuleSet.ofVersion(key, version);
        if (rules == null) {
            throw ProblemException.notFound("rules version", key + "@" + version);
        }
        return rules;
    }

    public List<Transition> history(String key) {
        require(key);
        return Transition.of(Aggregate.RULES, key);
    }

    /** The published rules that apply to a department's item: the item's own, else the department's. */
    public RuleSet effective(String department, String itemCode) {
        if (itemCode != null && !itemCode.isBlank()) {
            RuleSet own = RuleSet.published(RuleSet.keyOf(department, itemCode));
            if (own != null) {
                return own;
            }
        }
        RuleSet general = RuleSet.published(department);
        if (general == null) {
            throw ProblemException.notFound("published rules of department", department);
        }
        return general;
    }

    public Page<RuleSet> list(String department, LifecycleStatus status, PageRequest page) {
        StringBuilder q = new StringBuilder(
                "FROM RuleSet r WHERE r.version = (SELECT max(s.version) FROM RuleSet s WHERE s.ruleKey = r.ruleKey)");
        Parameters p = new Parameters();
        if (department != null && !department.isBlank()) {
            q.append(" AND r.department = :department");
            p.and("department", department);
        }
        if (status != null) {
            q.append(" AND r.status = :status");
            p.and("status", status);
        }
        PanacheQuery<RuleSet> query = RuleSet.find(q + " ORDER BY r.ruleKey", p).page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count());
    }

    /** Ratios in (0, 1] and non-decreasing from A to D (递加比例, 不免抽); windows parse and do not run backwards. */
    static void validate(RuleSetRequest r) {
        BigDecimal[] ratios = {r.ratios().A(), r.ratios().B(), r.ratios().C(), r.ratios().D()};
        for (int i = 0; i < 4; i++) {
            BigDecimal v = ratios[i];
            String field = "ratios." + CLASSES[i];
            if (v.signum() <= 0 || v.compareTo(BigDecimal.ONE) > 0) {
                throw ProblemException.invalid(field, "must be greater than 0 (no class is exempt, 不免抽) and at most 1; got " + v.toPlainString());
            }
            if (v.stripTrailingZeros().scale() > 4) {
                throw ProblemException.invalid(field, "must have at most 4 decimals");
            }
            if (i > 0 && v.compareTo(ratios[i - 1]) < 0) {
                throw ProblemException.invalid(field, "must not be below ratios." + CLASSES[i - 1]
                        + " (" + ratios[i - 1].toPlainString() + "): ratios rise with risk from A to D");
            }
        }
        List<InspectionWindow> windows = r.windows() == null ? List.of() : r.windows();
        for (int i = 0; i < windows.size(); i++) {
            InspectionWindow w = windows.get(i);
            MonthDay from = monthDay(w.from(), "windows[" + i + "].from");
            MonthDay to = monthDay(w.to(), "windows[" + i + "].to");
            if (from.isAfter(to)) {
                throw ProblemException.invalid("windows[" + i + "]", "from " + w.from() + " is after to " + w.to()
                        + "; a window across the new year is two windows (e.g. 11-01..12-31 and 01-01..01-31)");
            }
        }
    }

    private static MonthDay monthDay(String text, String field) {
        if (text == null || !text.matches("\\d{2}-\\d{2}")) {
            throw ProblemException.invalid(field, "must be a month and day as MM-DD, e.g. 03-01; got " + text);
        }
        try {
            return MonthDay.parse(text, MONTH_DAY);
        } catch (DateTimeException e) {
            throw ProblemException.invalid(field, text + " is not a day of the year");
        }
    }

    private static RuleSet newVersion(RuleSetRequest r, String key, String itemCode, int version, CurrentUser user) {
        RuleSet rules = new RuleSet();
        rules.ruleKey = key;
        rules.department = r.department();
        rules.itemCode = itemCode;
        rules.version = version;
        rules.status = LifecycleStatus.DRAFT;
        rules.createdBy = user.name();
        rules.createdAt = Lifecycle.now();
        apply(rules, r);
        return rules;
    }

    private static void apply(RuleSet rules, RuleSetRequest r) {
        rules.ratioA = r.ratios().A();
        rules.ratioB = r.ratios().B();
        rules.ratioC = r.ratios().C();
        rules.ratioD = r.ratios().D();
        rules.minimumCount = r.minimumCount() == null ? RuleSetRequest.DEFAULT_MINIMUM_COUNT : r.minimumCount();
        rules.maxInspectionsPerSubjectPerYear = r.maxInspectionsPerSubjectPerYear();
        rules.windows = r.windows() == null ? new ArrayList<>() : new ArrayList<>(r.windows());
        rules.classANotTwicePerYear = Boolean.TRUE.equals(r.classANotTwicePerYear());
        rules.inspectWorkingDays = r.inspectWorkingDays() == null ? RuleSetRequest.DEFAULT_INSPECT_DAYS : r.inspectWorkingDays();
        rules.resultEntryWorkingDays =
                r.resultEntryWorkingDays() == null ? RuleSetRequest.DEFAULT_RESULT_DAYS : r.resultEntryWorkingDays();
        rules.remarks = r.remarks() == null || r.remarks().isBlank() ? null : r.remarks().strip();
    }

    private static boolean sameContent(RuleSet rules, RuleSetRequest r) {
        RuleSet probe = new RuleSet();
        apply(probe, r);
        return rules.ratioA.compareTo(probe.ratioA) == 0 && rules.ratioB.compareTo(probe.ratioB) == 0
                && rules.ratioC.compareTo(probe.ratioC) == 0 && rules.ratioD.compareTo(probe.ratioD) == 0
                && rules.minimumCount == probe.minimumCount
                && Objects.equals(rules.maxInspectionsPerSubjectPerYear, probe.maxInspectionsPerSubjectPerYear)
                && rules.windows.equals(probe.windows) && rules.classANotTwicePerYear == probe.classANotTwicePerYear
                && rules.inspectWorkingDays == probe.inspectWorkingDays
                && rules.resultEntryWorkingDays == probe.resultEntryWorkingDays
                && Objects.equals(rules.remarks, probe.remarks);
    }
}
