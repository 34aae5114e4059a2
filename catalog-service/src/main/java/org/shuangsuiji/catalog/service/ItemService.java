package org.shuangsuiji.catalog.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.shuangsuiji.catalog.config.CatalogConfig;
import org.shuangsuiji.catalog.domain.Aggregate;
import org.shuangsuiji.catalog.domain.InspectionItem;
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.domain.Transition;
import org.shuangsuiji.catalog.rest.ItemRequest;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.persistence.UniqueKeys;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;

@ApplicationScoped
public class ItemService {

    private final Outbox outbox;
    private final CatalogConfig config;
    private final Lifecycle lifecycle;
    private final DepartmentDirectory departments;

    public ItemService(Outbox outbox, CatalogConfig config, Lifecycle lifecycle, DepartmentDirectory departments) {
        this.outbox = outbox;
        this.config = config;
        this.lifecycle = lifecycle;
        this.departments = departments;
    }

    public record Written(InspectionItem item, EditOutcome outcome) {}

    @Transactional
    public InspectionItem createDraft(ItemRequest request, CurrentUser user) {
        lifecycle.requireEditor(request.department(), user);
        departments.require(request.department(), "department");
        if (InspectionItem.count("code", request.code()) > 0) {
            throw duplicate(request.code());
        }
        InspectionItem item = newVersion(request, 1, user);
        UniqueKeys.persist(item, "duplicate-code", "an item with code " + request.code() + " already exists");
        lifecycle.created(Aggregate.ITEM, item, Lifecycle.CREATE, user, request.comment());
        return item;
    }

    /**
     * Changes an item: the open draft in place, or — when the latest version is published or retired — a draft of the
     * next version, leaving the published one untouched. Content equal to the latest version writes nothing.
     */
    @Transactional
    public Written edit(String code, ItemRequest request, CurrentUser user) {
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "must equal the code in the path (" + code + ")");
        }
        InspectionItem latest = require(code);
        lifecycle.requireEditor(latest.department, user);
        return write(latest, request, user);
    }

    /**
     * Create or edit in one: what an import row does, given the code's latest version (null for a new code). The
     * caller has checked the department and the editor, and flushes in batches: no flush per row here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written importRow(ItemRequest request, InspectionItem latest, CurrentUser user) {
        if (latest == null) {
            InspectionItem item = newVersion(request, 1, user);
            item.persist();
            lifecycle.created(Aggregate.ITEM, item, Lifecycle.CREATE, user, request.comment());
            return new Written(item, EditOutcome.CREATED);
        }
        return write(latest, request, user, false);
    }

    private Written write(InspectionItem latest, ItemRequest request, CurrentUser user) {
        return write(latest, request, user, true);
    }

    private Written write(InspectionItem latest, ItemRequest request, CurrentUser user, boolean flush) {
        if (!latest.department.equals(request.department())) {
            throw ProblemException.invalid("department",
                    "an item stays with its department (" + latest.department + "); retire it and create a new code instead");
        }
        departments.require(request.department(), "department");
        if (sameContent(latest, request)) {
            return new Written(latest, EditOutcome.UNCHANGED);
        }
        switch (latest.status) {
            case DRAFT -> {
                apply(latest, request);
                lifecycle.edited(Aggregate.ITEM, latest, user, request.comment());
                return new Written(latest, EditOutcome.UPDATED);
            }
            case PUBLISHED, RETIRED, SUPERSEDED -> {
                InspectionItem next = newVersion(request, latest.version + 1, user);
                if (flush) {
                    UniqueKeys.persist(next, "concurrent-change", "someone else opened version " + next.version + " meanwhile");
                } else {
                    next.persist();
                }
                lifecycle.created(Aggregate.ITEM, next, Lifecycle.NEW_VERSION, user,
                        request.comment() == null ? "changes version " + latest.version : request.comment());
                return new Written(next, EditOutcome.NEW_VERSION);
            }
            default -> throw ProblemException.conflict("under-review", latest.ref() + " is " + latest.status
                    + ": a reviewer must send it back (reject) before it can be changed");
        }
    }

    @Transactional
    public InspectionItem submit(String code, String comment, CurrentUser user) {
        InspectionItem item = require(code);
        lifecycle.submit(Aggregate.ITEM, item, user, comment);
        return item;
    }

    @Transactional
    public InspectionItem approve(String code, String comment, CurrentUser user) {
        InspectionItem item = require(code);
        lifecycle.approve(Aggregate.ITEM, item, user, comment);
        return item;
    }

    @Transactional
    public InspectionItem reject(String code, String comment, CurrentUser user) {
        InspectionItem item = require(code);
        lifecycle.reject(Aggregate.ITEM, item, user, comment);
        return item;
    }

    /** Publishes the approved latest version; its event carries the whole version for other services. */
    @Transactional
    public InspectionItem publish(String code, String comment, CurrentUser user) {
        InspectionItem item = require(code);
        lifecycle.requireReviewer(item.department, user);
        if (item.legalBasis == null || item.legalBasis.isEmpty()) {
            throw ProblemException.rule("basis-required", "legalBasis", "an item without a legal basis cannot be published");
        }
        departments.require(item.department, "department");
        lifecycle.publish(Aggregate.ITEM, item, InspectionItem.published(code), user, comment);
        outbox.publish(config.eventsTopic(), item.code, ItemPublished.TYPE, ItemPublished.SCHEMA_VERSION,
                ItemPublished.of(item));
        return item;
    }

    /** Withdraws the published version from use by new plans; older plans keep their {@code code@version}. */
    @Transactional
    public InspectionItem retire(String code, String comment, CurrentUser user) {
        InspectionItem item = InspectionItem.published(code);
        if (item == null) {
            InspectionItem latest = require(code);
            throw ProblemException.conflict("wrong-status", code + " has no published version to retire (latest is "
                    + latest.ref() + ", " + latest.status + ")");
        }
        lifecycle.retire(Aggregate.ITEM, item, user, comment);
        outbox.publish(config.eventsTopic(), item.code, Retired.ITEM_TYPE, Retired.SCHEMA_VERSION,
                new Retired(item.code, item.version, item.retiredAt, item.retiredBy));
        return item;
    }

    /** The latest version, or the exact version when {@code ref} is {@code code@version}. */
    public InspectionItem get(String ref) {
        int at = ref.lastIndexOf('@');
        if (at > 0) {
            return version(ref.substring(0, at), parseVersion(ref.substring(at + 1)));
        }
        return require(ref);
    }

    public InspectionItem version(String code, int version) {
        InspectionItem item = InspectionItem.ofVersion(code, version);
        if (item == null) {
            throw ProblemException.notFound("item version", code + "@" + version);
        }
        return item;
    }

    public List<InspectionItem> versions(String code) {
        require(code);
        return InspectionItem.list("code = ?1 ORDER BY version", code);
    }

    public List<Transition> history(String code) {
        require(code);
        return Transition.of(Aggregate.ITEM, code);
    }

    /** The latest version of every code, optionally of one department and in one status. */
    public Page<InspectionItem> list(String department, LifecycleStatus status, PageRequest page) {
        StringBuilder q = new StringBuilder(
                "FROM InspectionItem i WHERE i.version = (SELECT max(j.version) FROM InspectionItem j WHERE j.code = i.code)");
        Parameters p = new Parameters();
        if (department != null && !department.isBlank()) {
            q.append(" AND i.department = :department");
            p.and("department", department);
        }
        if (status != null) {
            q.append(" AND i.status = :status");
            p.and("status", status);
        }
        PanacheQuery<InspectionItem> query =
                InspectionItem.find(q + " ORDER BY i.code", p).page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count());
    }

    InspectionItem require(String code) {
        InspectionItem item = InspectionItem.latest(code);
        if (item == null) {
            throw ProblemException.notFound("item", code);
        }
        return item;
    }

    static ProblemException duplicate(String code) {
        return ProblemException.conflict("duplicate-code", "an item with code " + code + " already exists");
    }

    private static int parseVersion(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalid("version", "must be a positive whole number, as in PL-NY-001@2");
    }

    private static InspectionItem newVersion(ItemRequest r, int version, CurrentUser user) {
        InspectionItem item = new InspectionItem();
        item.code = r.code();
        item.version = version;
        item.department = r.department();
        item.status = LifecycleStatus.DRAFT;
        item.createdBy = user.name();
        item.createdAt = Lifecycle.now();
        apply(item, r);
        return item;
    }

    private static void apply(InspectionItem item, ItemRequest r) {
        item.name = r.name().strip();
        item.category = r.category().strip();
        item.objectDescription = r.objectDescription().strip();
        item.legalBasis = List.copyOf(r.legalBasis());
        item.content = r.content().strip();
        item.methods = r.methods().stream().distinct().toList();
        item.itemClass = r.itemClass();
        item.defaultRatio = r.defaultRatio() == null ? ItemRequest.DEFAULT_RATIO : r.defaultRatio();
        item.frequency = r.frequency() == null ? ItemRequest.DEFAULT_FREQUENCY : r.frequency();
        item.minTeamSize = r.minTeamSize() == null ? ItemRequest.DEFAULT_TEAM_SIZE : r.minTeamSize();
        item.requiredTags = r.requiredTags() == null ? List.of() : new ArrayList<>(r.requiredTags().stream().distinct().sorted().toList());
        item.remarks = r.remarks() == null || r.remarks().isBlank() ? null : r.remarks().strip();
    }

    /** Whether writing {@code r} would change nothing of {@code item}'s content. */
    static boolean sameContent(InspectionItem item, ItemRequest r) {
        InspectionItem probe = new InspectionItem();
        apply(probe, r);
        return item.name.equals(probe.name) && item.category.equals(probe.category)
                && item.objectDescription.equals(probe.objectDescription) && item.legalBasis.equals(probe.legalBasis)
                && item.content.equals(probe.content) && item.methods.equals(probe.methods)
                && item.itemClass == probe.itemClass && item.defaultRatio.compareTo(probe.defaultRatio) == 0
                && item.frequency == probe.frequency && item.minTeamSize == probe.minTeamSize
                && item.requiredTags.equals(probe.requiredTags) && Objects.equals(item.remarks, probe.remarks);
    }
}
