package org.shuangsuiji.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.shuangsuiji.catalog.domain.Aggregate;
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.domain.Transition;
import org.shuangsuiji.catalog.domain.Versioned;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;

/**
 * The review workflow shared by items, scenarios and rules: draft → submitted → approved (法规科审核) → published →
 * retired, every step recorded with who, when and why. Editors (planner, department-admin) act only for their own
 * department, reviewers only review their own department's versions (the seeds put 法规科审核 inside the department);
 * a platform-admin may act for any department, including departments without a reviewer of their own.
 */
@ApplicationScoped
public class Lifecycle {

    public static final String CREATE = "CREATE";
    public static final String NEW_VERSION = "NEW_VERSION";
    public static final String EDIT = "EDIT";
    public static final String SUBMIT = "SUBMIT";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String PUBLISH = "PUBLISH";
    public static final String SUPERSEDE = "SUPERSEDE";
    public static final String RETIRE = "RETIRE";

    public void requireEditor(String department, CurrentUser user) {
        if (!user.hasRole(Roles.PLATFORM_ADMIN) && !user.hasRole(Roles.PLANNER) && !user.hasRole(Roles.DEPARTMENT_ADMIN)) {
            throw ProblemException.forbidden("only planners and department admins edit the catalog");
        }
        user.requireDepartment(department);
    }

    public void requireReviewer(String department, CurrentUser user) {
        if (!user.hasRole(Roles.PLATFORM_ADMIN) && !user.hasRole(Roles.REVIEWER)) {
            throw ProblemException.forbidden("only reviewers (法规科) approve, publish and retire");
        }
        user.requireDepartment(department);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Aggregate aggregate, Versioned v, String action, CurrentUser user, String comment) {
        record(aggregate, v, action, null, LifecycleStatus.DRAFT, user.name(), v.createdAt, comment);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void edited(Aggregate aggregate, Versioned v, CurrentUser user, String comment) {
        v.updatedBy = user.name();
        v.updatedAt = now();
        record(aggregate, v, EDIT, LifecycleStatus.DRAFT, LifecycleStatus.DRAFT, user.name(), v.updatedAt, comment);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void submit(Aggregate aggregate, Versioned v, CurrentUser user, String comment) {
        requireEditor(v.owningDepartment(), user);
        move(aggregate, v, SUBMIT, Set.of(LifecycleStatus.DRAFT), LifecycleStatus.SUBMITTED, user, comment);
    }

    /** Four eyes: whoever submitted a version may not approve it, unless a platform-admin acts for the department. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void approve(Aggregate aggregate, Versioned v, CurrentUser user, String comment) {
        requireReviewer(v.owningDepartment(), user);
        if (!user.hasRole(Roles.PLATFORM_ADMIN)) {
            List<Transition> steps = Transition.list(
                    "aggregate = ?1 AND aggregateKey = ?2 AND version = ?3 AND action = ?4 ORDER BY id DESC",
                    aggregate, v.key(), v.version, SUBMIT);
            if (!steps.isEmpty() && steps.get(0).actor.equals(user.name())) {
                throw ProblemException.rule("four-eyes", null, "you submitted " + v.key() + "@" + v.version
                        + " yourself; another reviewer must approve it");
            }
        }
        move(aggregate, v, APPROVE, Set.of(LifecycleStatus.SUBMITTED), LifecycleStatus.APPROVED, user, comment);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reject(Aggregate aggregate, Versioned v, CurrentUser user, String comment) {
        requireReviewer(v.owningDepartment(), user);
        if (comment == null || comment.isBlank()) {
            throw ProblemException.invalid("comment", "is required: say why the version goes back to its editors");
        }
        move(aggregate, v, REJECT, Set.of(LifecycleStatus.SUBMITTED, LifecycleStatus.APPROVED), LifecycleStatus.DRAFT,
                user, comment);
    }

    /** Publishes {@code v} and marks the previously published version of the same key superseded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Aggregate aggregate, Versioned v, Versioned previous, CurrentUser user, String comment) {
        requireReviewer(v.owningDepartment(), user);
        move(aggregate, v, PUBLISH, Set.of(LifecycleStatus.APPROVED), LifecycleStatus.PUBLISHED, user, comment);
        v.publishedBy = user.name();
        v.publishedAt = now();
        if (previous != null && previous != v) {
            previous.status = LifecycleStatus.SUPERSEDED;
            record(aggregate, previous, SUPERSEDE, LifecycleStatus.PUBLISHED, LifecycleStatus.SUPERSEDED, user.name(),
                    v.publishedAt, "superseded by version " + v.version);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void retire(Aggregate aggregate, Versioned v, CurrentUser user, String comment) {
        requireReviewer(v.owningDepartment(), user);
        move(aggregate, v, RETIRE, Set.of(LifecycleStatus.PUBLISHED), LifecycleStatus.RETIRED, user, comment);
        v.retiredBy = user.name();
        v.retiredAt = now();
    }

    private void move(Aggregate aggregate, Versioned v, String action, Set<LifecycleStatus> from, LifecycleStatus to,
            CurrentUser user, String comment) {
        if (!from.contains(v.status)) {
            throw ProblemException.conflict("wrong-status", v.key() + "@" + v.version + " is " + v.status + "; "
                    + action.toLowerCase() + " needs it to be " + String.join(" or ", from.stream().map(Enum::name).sorted().toList()));
        }
        LifecycleStatus was = v.status;
        v.status = to;
        record(aggregate, v, action, was, to, user.name(), now(), comment);
    }

    private static void record(Aggregate aggregate, Versioned v, String action, LifecycleStatus from, LifecycleStatus to,
            String actor, OffsetDateTime at, String comment) {
        Transition t = new Transition();
        t.aggregate = aggregate;
        t.aggregateKey = v.key();
        t.version = v.version;
        t.action = action;
        t.fromStatus = from;
        t.toStatus = to;
        t.actor = actor;
        t.at = at;
        t.comment = comment == null || comment.isBlank() ? null : comment.strip();
        t.persist();
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
