package org.shuangsuiji.roster.service;

import org.shuangsuiji.commons.persistence.UniqueKeys;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.config.RosterConfig;
import org.shuangsuiji.roster.domain.Department;
import org.shuangsuiji.roster.domain.RiskClass;
import org.shuangsuiji.roster.domain.Subject;
import org.shuangsuiji.roster.domain.SubjectStatus;
import org.shuangsuiji.roster.domain.SubjectTag;
import org.shuangsuiji.roster.rest.CreateSubjectRequest;
import org.shuangsuiji.roster.rest.RiskClassRequest;
import org.shuangsuiji.roster.rest.UpdateSubjectRequest;

/** The subject directory (检查对象名录库). Every change writes its event through the outbox in the same transaction. */
@ApplicationScoped
public class SubjectService {

    private final Outbox outbox;
    private final RosterConfig config;

    public SubjectService(Outbox outbox, RosterConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public SubjectState register(CreateSubjectRequest request, CurrentUser user) {
        List<String> departments = request.departments();
        for (int i = 0; i < departments.size(); i++) {
            String code = departments.get(i);
            if (!isPlatformAdmin(user) && !code.equals(user.department())) {
                throw ProblemException.forbidden("departments[" + i + "]: " + code
                        + " is not your department; you may only add subjects to your own directory");
            }
            if (Department.findById(code) == null) {
                throw ProblemException.invalid("departments[" + i + "]", "department " + code + " does not exist");
            }
        }
        if (Subject.findById(request.uscc()) != null) {
            throw ProblemException.conflict("duplicate-uscc", "a subject with USCC " + request.uscc() + " already exists");
        }
        OffsetDateTime now = now();
        Subject s = new Subject();
        s.uscc = request.uscc();
        s.name = request.name();
        s.kind = request.kind();
        s.industryCode = request.industryCode();
        s.divisionCode = request.divisionCode();
        s.address = request.address();
        s.status = request.status() == null ? SubjectStatus.ACTIVE : request.status();
        s.departments = new TreeSet<>(departments);
        s.itemFamilies = request.itemFamilies() == null ? new TreeSet<>() : new TreeSet<>(request.itemFamilies());
        if (request.risk() != null) {
            s.riskClass = request.risk().riskClass();
            s.riskAsOf = request.risk().asOf();
            s.riskSource = request.risk().source();
        }
        s.createdBy = user.name();
        s.createdAt = now;
        s.updatedBy = user.name();
        s.updatedAt = now;
        UniqueKeys.persist(s, "duplicate-uscc", "a subject with USCC " + s.uscc + " already exists");
        if (s.riskClass != null) {
            SubjectHistory.riskRecorded(s, user.name(), now, null);
        } else {
            SubjectHistory.changed(s, user.name(), now);
        }
        return emit(SubjectState.REGISTERED, s);
    }

    @Transactional
    public SubjectState update(String uscc, UpdateSubjectRequest request, CurrentUser user) {
        Subject s = writable(uscc, user);
        SubjectStatus before = s.status;
        s.name = request.name();
        s.kind = request.kind();
        s.industryCode = request.industryCode();
        s.divisionCode = request.divisionCode();
        s.address = request.address();
        s.status = request.status();
        s.itemFamilies.clear();
        if (request.itemFamilies() != null) {
            s.itemFamilies.addAll(request.itemFamilies());
        }
        touch(s, user);
        if (before != s.status) {
            SubjectHistory.changed(s, user.name(), s.updatedAt);
        }
        return emit(SubjectState.CHANGED, s);
    }

    @Transactional
    public SubjectState changeRiskClass(String uscc, RiskClassRequest request, CurrentUser user) {
        Subject s = writable(uscc, user);
        s.riskClass = request.riskClass();
        s.riskAsOf = request.asOf();
        s.riskSource = request.source();
        touch(s, user);
        SubjectHistory.riskRecorded(s, user.name(), s.updatedAt, null);
        return emit(SubjectState.RISK_CLASS_CHANGED, s);
    }

    /**
     * Adds the subject to another department's directory (one enterprise is supervised by several departments).
     * A department-admin adds only to their own department's directory. Idempotent.
     */
    @Transactional
    public SubjectState addToDirectory(String uscc, String department, CurrentUser user) {
        if (!isPlatformAdmin(user) && !department.equals(user.department())) {
            throw ProblemException.forbidden("department " + department + " is not your department");
        }
        if (Department.findById(department) == null) {
            throw ProblemException.invalid("department", "department " + department + " does not exist");
        }
        Subject s = find(uscc);
        if (s.departments.contains(department)) {
            return SubjectState.of(s);
        }
        s.departments.add(department);
        touch(s, user);
        SubjectHistory.changed(s, user.name(), s.updatedAt);
        return emit(SubjectState.CHANGED, s);
    }

    /** Removes the subject from a department's directory; its last directory cannot be removed. */
    @Transactional
    public SubjectState removeFromDirectory(String uscc, String department, CurrentUser user) {
        if (!isPlatformAdmin(user) && !department.equals(user.department())) {
            throw ProblemException.forbidden("department " + department + " is not your department");
        }
        Subject s = find(uscc);
        if (!s.departments.contains(department)) {
            throw ProblemException.notFound("directory entry", department + " of subject " + uscc);
        }
        if (s.departments.size() == 1) {
            throw ProblemException.rule("last-directory", "department",
                    "a subject must stay in at least one directory; change its status instead");
        }
        s.departments.remove(department);
        touch(s, user);
        SubjectHistory.changed(s, user.name(), s.updatedAt);
        return emit(SubjectState.CHANGED, s);
    }

    /** Idempotent: tagging with a tag the subject already has changes nothing and emits nothing. */
    @Transactional
    public SubjectState tag(String uscc, String code, CurrentUser user) {
        Subject s = writable(uscc, user);
        if (s.tags.stream().anyMatch(t -> t.code.equals(code))) {
            return SubjectState.of(s);
        }
        s.tags.add(new SubjectTag(code, user.name(), now()));
        touch(s, user);
        return emit(SubjectState.TAGGED, s);
    }

    @Transactional
    public SubjectState untag(String uscc, String code, CurrentUser user) {
        Subject s = writable(uscc, user);
        if (!s.tags.removeIf(t -> t.code.equals(code))) {
            throw ProblemException.notFound("tag", code + " on subject " + uscc);
        }
        touch(s, user);
        return emit(SubjectState.UNTAGGED, s);
    }

    /** @param readable the departments whose directories the caller reads; null = all */
    @Transactional
    public SubjectState get(String uscc, Set<String> readable) {
        return SubjectState.of(readable(uscc, readable));
    }

    /** The subject, if the caller may read it: it is in a directory of their department or one below (403 otherwise). */
    Subject readable(String uscc, Set<String> readable) {
        Subject s = find(uscc);
        if (readable != null && s.departments.stream().noneMatch(readable::contains)) {
            throw ProblemException.forbidden("subject " + uscc + " is in no directory of your department or those below it");
        }
        return s;
    }

    /**
     * @param readable the departments whose directories the caller reads (null = all): only subjects in at least one
     *     of them are listed
     */
    @Transactional
    public Page<SubjectState> list(PageRequest page, String department, String divisionPrefix, RiskClass riskClass,
            SubjectStatus status, Set<String> readable) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (readable != null) {
            where.add("array_intersects(s.departments, :readable)");
            params.and("readable", readable.toArray(String[]::new));
        }
        if (department != null && !department.isBlank()) {
            where.add("array_contains(s.departments, :department)");
            params.and("department", department);
        }
        if (divisionPrefix != null && !divisionPrefix.isBlank()) {
            where.add("s.divisionCode LIKE :prefix");
            params.and("prefix", divisionPrefix + "%");
        }
        if (riskClass != null) {
            where.add("s.riskClass = :risk");
            params.and("risk", riskClass);
        }
        if (status != null) {
            where.add("s.status = :status");
            params.and("status", status);
        }
        String hql = "FROM Subject s" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY s.uscc";
        PanacheQuery<Subject> query = Subject.find(hql, params).page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count()).map(SubjectState::of);
    }

    /** Every class the subject ever had, oldest first. */
    @Transactional
    public List<RiskHistoryEntry> riskHistory(String uscc, Set<String> readable) {
        readable(uscc, readable);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Subject.getEntityManager().createNativeQuery("""
                SELECT risk_class, risk_as_of, risk_source, changed_by, changed_at, feed_id FROM subject_history
                WHERE uscc = ?1 AND risk_recorded ORDER BY id""").setParameter(1, uscc).getResultList();
        return rows.stream().map(RiskHistoryEntry::of).toList();
    }

    static Subject find(String uscc) {
        Subject s = Subject.findById(uscc);
        if (s == null) {
            throw ProblemException.notFound("subject", uscc);
        }
        return s;
    }

    /** A department-admin writes only subjects in the directory of their own department. */
    private Subject writable(String uscc, CurrentUser user) {
        Subject s = find(uscc);
        if (!isPlatformAdmin(user) && (user.department() == null || !s.departments.contains(user.department()))) {
            throw ProblemException.forbidden("subject " + uscc + " is not in your department's directory");
        }
        return s;
    }

    private SubjectState emit(String type, Subject s) {
        s.flush(); // the event carries the revision that was actually stored
        SubjectState state = SubjectState.of(s);
        outbox.publish(config.eventsTopic(), s.uscc, type, SubjectState.SCHEMA_VERSION, state);
        return state;
    }

    static void touch(Subject s, CurrentUser user) {
        s.updatedBy = user.name();
        s.updatedAt = now();
    }

    private static boolean isPlatformAdmin(CurrentUser user) {
        return user.hasRole(Roles.PLATFORM_ADMIN);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
