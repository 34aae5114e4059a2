package org.shuangsuiji.roster.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.persistence.UniqueKeys;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.roster.domain.ConflictKind;
import org.shuangsuiji.roster.domain.Inspector;
import org.shuangsuiji.roster.domain.RecusalRequest;
import org.shuangsuiji.roster.domain.RecusalState;
import org.shuangsuiji.roster.domain.Subject;
import org.shuangsuiji.roster.rest.FileRecusalRequest;
import org.shuangsuiji.roster.rest.RecusalDecisionRequest;

/**
 * 申请回避: an enterprise asks in writing that an inspector be recused; the inspector's department records the request
 * and decides it once. An accepted request becomes a conflict of kind {@code RECUSAL_REQUEST}, announced like any
 * declared conflict, so draws exclude the inspector from that subject's teams.
 */
@ApplicationScoped
public class RecusalService {

    private final InspectorService inspectors;

    public RecusalService(InspectorService inspectors) {
        this.inspectors = inspectors;
    }

    @Transactional
    public RecusalRequestState file(FileRecusalRequest r, CurrentUser user) {
        Inspector inspector = Inspector.findById(r.inspectorId());
        if (inspector == null) {
            throw ProblemException.invalid("inspectorId", "inspector " + r.inspectorId() + " does not exist");
        }
        user.requireDepartment(inspector.departmentCode);
        if (Subject.findById(r.uscc()) == null) {
            throw ProblemException.invalid("uscc", "subject " + r.uscc() + " is not in the directory");
        }
        if (r.receivedOn().isAfter(LocalDate.now(InspectorService.CHINA))) {
            throw ProblemException.invalid("receivedOn", "must not be in the future");
        }
        String duplicate = "a pending recusal request of " + r.uscc() + " against inspector " + r.inspectorId()
                + " already exists";
        if (RecusalRequest.count("inspectorId = ?1 AND uscc = ?2 AND state = ?3", r.inspectorId(), r.uscc(),
                RecusalState.PENDING) > 0) {
            throw ProblemException.conflict("duplicate-recusal-request", duplicate);
        }
        RecusalRequest q = new RecusalRequest();
        q.id = UUID.randomUUID();
        q.uscc = r.uscc();
        q.inspectorId = r.inspectorId();
        q.applicant = r.applicant();
        q.reason = r.reason();
        q.receivedOn = r.receivedOn();
        q.state = RecusalState.PENDING;
        q.filedBy = user.name();
        q.filedAt = InspectorService.now();
        UniqueKeys.persist(q, "duplicate-recusal-request", duplicate);
        return RecusalRequestState.of(q);
    }

    @Transactional
    public RecusalRequestState decide(UUID id, RecusalDecisionRequest r, CurrentUser user) {
        RecusalRequest q = find(id);
        Inspector inspector = InspectorService.find(q.inspectorId);
        user.requireDepartment(inspector.departmentCode);
        if (q.state != RecusalState.PENDING) {
            throw ProblemException.conflict("already-decided", "recusal request " + id + " was " + q.state + " by "
                    + q.decidedBy + " on " + q.decidedAt + "; a decision is final");
        }
        q.decidedBy = user.name();
        q.decidedAt = InspectorService.now();
        q.decisionReason = r.reason();
        if (Boolean.TRUE.equals(r.accept())) {
            LocalDate from = r.validFrom() == null ? q.receivedOn : r.validFrom();
            if (r.validTo() != null && r.validTo().isBefore(from)) {
                throw ProblemException.invalid("validTo", "must not be before validFrom (" + from + ")");
            }
            ConflictState conflict = inspectors.declare(q.inspectorId, q.uscc, ConflictKind.RECUSAL_REQUEST,
                    "申请回避 (" + q.applicant + "): " + q.reason, from, r.validTo(), q.id, user);
            q.state = RecusalState.ACCEPTED;
            q.conflictId = conflict.id();
        } else {
            q.state = RecusalState.REJECTED;
        }
        return RecusalRequestState.of(q);
    }

    @Transactional
    public RecusalRequestState get(UUID id, Set<String> readable) {
        RecusalRequest q = find(id);
        if (readable != null && !readable.contains(InspectorService.find(q.inspectorId).departmentCode)) {
            throw ProblemException.forbidden("recusal request " + id + " concerns an inspector outside your department and those below it");
        }
        return RecusalRequestState.of(q);
    }

    /** Requests about inspectors of the readable departments (null = all), newest first. */
    @Transactional
    public Page<RecusalRequestState> list(PageRequest page, RecusalState state, UUID inspectorId, Set<String> readable) {
        String where = "1 = 1";
        Parameters params = new Parameters();
        if (state != null) {
            where += " AND r.state = :state";
            params.and("state", state);
        }
        if (inspectorId != null) {
            where += " AND r.inspectorId = :inspector";
            params.and("inspector", inspectorId);
        }
        if (readable != null) {
            where += " AND r.inspectorId IN (SELECT i.id FROM Inspector i WHERE i.departmentCode IN :readable)";
            params.and("readable", readable);
        }
        PanacheQuery<RecusalRequest> query = RecusalRequest.find("FROM RecusalRequest r WHERE " + where
                + " ORDER BY r.filedAt DESC, r.id", params).page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count()).map(RecusalRequestState::of);
    }

    private static RecusalRequest find(UUID id) {
        RecusalRequest q = RecusalRequest.findById(id);
        if (q == null) {
            throw ProblemException.notFound("recusal request", String.valueOf(id));
        }
        return q;
    }
}
