package org.shuangsuiji.roster.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.persistence.UniqueKeys;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.config.RosterConfig;
import org.shuangsuiji.roster.domain.ConflictKind;
import org.shuangsuiji.roster.domain.ConflictOfInterest;
import org.shuangsuiji.roster.domain.Department;
import org.shuangsuiji.roster.domain.Inspector;
import org.shuangsuiji.roster.domain.InspectorKind;
import org.shuangsuiji.roster.domain.ResidentId;
import org.shuangsuiji.roster.domain.Subject;
import org.shuangsuiji.roster.domain.Unavailability;
import org.shuangsuiji.roster.rest.CreateInspectorRequest;
import org.shuangsuiji.roster.rest.DeclareConflictRequest;
import org.shuangsuiji.roster.rest.UnavailabilityRequest;
import org.shuangsuiji.roster.rest.UpdateInspectorRequest;

/**
 * The inspector directory (执法检查人员名录库), unavailability periods and conflicts of interest (回避). Every change
 * is one transaction with its event; every stored revision of an inspector is kept (without personal data).
 */
@ApplicationScoped
public class InspectorService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Outbox outbox;
    private final RosterConfig config;
    private final ObjectMapper mapper;

    public InspectorService(Outbox outbox, RosterConfig config, ObjectMapper mapper) {
        this.outbox = outbox;
        this.config = config;
        this.mapper = mapper;
    }

    @Transactional
    public InspectorState register(CreateInspectorRequest r, CurrentUser user) {
        requireOwnDepartment(r.department(), user);
        if (Department.findById(r.department()) == null) {
            throw ProblemException.invalid("department", "department " + r.department() + " does not exist");
        }
        boolean hasCertificate = checkCertificate(r.kind(), r.certificateNumber(), r.certificateValidFrom(),
                r.certificateValidTo(), null);
        if (r.idNumber() != null) {
            ResidentId.problem(r.idNumber()).ifPresent(reason -> {
                throw ProblemException.invalid("idNumber", reason);
            });
        }
        Inspector i = new Inspector();
        i.id = UUID.randomUUID();
        i.departmentCode = r.department();
        i.name = r.name();
        i.kind = r.kind();
        i.certificateNumber = hasCertificate ? r.certificateNumber() : null;
        i.certificateValidFrom = hasCertificate ? r.certificateValidFrom() : null;
        i.certificateValidTo = hasCertificate ? r.certificateValidTo() : null;
        i.regionDivisionCode = r.regionDivisionCode();
        i.yearlyWorkloadCap = r.yearlyWorkloadCap();
        i.expertise = r.expertise() == null ? new TreeSet<>() : new TreeSet<>(r.expertise());
        i.idNumber = r.idNumber();
        i.phone = r.phone();
        i.createdBy = user.name();
        i.createdAt = now();
        i.updatedBy = i.createdBy;
        i.updatedAt = i.createdAt;
        UniqueKeys.persist(i, "duplicate-certificate", "an inspector with certificate " + i.certificateNumber + " already exists");
        return visibleTo(emit(InspectorState.REGISTERED, i, user), user);
    }

    /** Certificate renewal, expertise, workload cap, region, name, kind, personal data; as of the revision read. */
    @Transactional
    public InspectorState update(UUID id, UpdateInspectorRequest r, CurrentUser user) {
        Inspector i = find(id);
        requireOwnDepartment(i.departmentCode, user);
        if (r.revision() != i.lockVersion) {
            throw ProblemException.conflict("stale-revision", "inspector " + id + " is at revision " + i.lockVersion
                    + ", not " + r.revision() + ": read it again and repeat the change");
        }
        boolean certificateChanged = !Objects.equals(blankToNull(r.certificateNumber()), i.certificateNumber)
                || !Objects.equals(r.certificateValidFrom(), i.certificateValidFrom)
                || !Objects.equals(r.certificateValidTo(), i.certificateValidTo)
                || r.kind() != i.kind;
        boolean hasCertificate = certificateChanged
                ? checkCertificate(r.kind(), r.certificateNumber(), r.certificateValidFrom(), r.certificateValidTo(), id)
                : i.certificateNumber != null;
        if (r.idNumber() != null) {
            ResidentId.problem(r.idNumber()).ifPresent(reason -> {
                throw ProblemException.invalid("idNumber", reason);
            });
        }
        TreeSet<String> expertise = r.expertise() == null ? new TreeSet<>() : new TreeSet<>(r.expertise());
        boolean same = r.name().equals(i.name) && r.kind() == i.kind && !certificateChanged
                && r.regionDivisionCode().equals(i.regionDivisionCode) && r.yearlyWorkloadCap() == i.yearlyWorkloadCap
                && expertise.equals(new TreeSet<>(i.expertise))
                && (r.idNumber() == null || r.idNumber().equals(i.idNumber))
                && (r.phone() == null || r.phone().equals(i.phone));
        if (same) {
            return visibleTo(state(i), user); // nothing changes, nothing is announced
        }
        i.name = r.name();
        i.kind = r.kind();
        i.certificateNumber = hasCertificate ? r.certificateNumber() : null;
        i.certificateValidFrom = hasCertificate ? r.certificateValidFrom() : null;
        i.certificateValidTo = hasCertificate ? r.certificateValidTo() : null;
        i.regionDivisionCode = r.regionDivisionCode();
        i.yearlyWorkloadCap = r.yearlyWorkloadCap();
        i.expertise.clear();
        i.expertise.addAll(expertise);
        if (r.idNumber() != null) {
            i.idNumber = r.idNumber();
        }
        if (r.phone() != null) {
            i.phone = r.phone();
        }
        touch(i, user);
        return visibleTo(emit(InspectorState.CHANGED, i, user), user);
    }

    @Transactional
    public InspectorState addUnavailability(UUID id, UnavailabilityRequest r, CurrentUser user) {
        Inspector i = find(id);
        requireOwnDepartment(i.departmentCode, user);
        if (r.to().isBefore(r.from())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        Unavailability p = new Unavailability();
        p.id = UUID.randomUUID();
        p.inspectorId = id;
        p.from = r.from();
        p.to = r.to();
        p.reason = r.reason();
        p.note = r.note();
        p.addedBy = user.name();
        p.addedAt = now();
        p.persist();
        touch(i, user);
        return visibleTo(emit(InspectorState.CHANGED, i, user), user);
    }

    /** The period stops applying; its row stays, with who removed it and when. */
    @Transactional
    public InspectorState removeUnavailability(UUID id, UUID periodId, CurrentUser user) {
        Inspector i = find(id);
        requireOwnDepartment(i.departmentCode, user);
        Unavailability p = Unavailability.findById(periodId);
        if (p == null || !p.inspectorId.equals(id) || p.removedAt != null) {
            throw ProblemException.notFound("unavailability period", periodId + " of inspector " + id);
        }
        p.removedBy = user.name();
        p.removedAt = now();
        touch(i, user);
        return visibleTo(emit(InspectorState.CHANGED, i, user), user);
    }

    @Transactional
    public InspectorState get(UUID id, CurrentUser user, Set<String> readable) {
        Inspector i = find(id);
        if (readable != null && !readable.contains(i.departmentCode)) {
            throw ProblemException.forbidden("inspector " + id + " belongs to " + i.departmentCode
                    + ", which is neither your department nor below it");
        }
        return visibleTo(state(i), user);
    }

    /** @param readable the departments the caller reads (null = all); only their inspectors are listed */
    @Transactional
    public Page<InspectorState> list(PageRequest page, String department, CurrentUser user, Set<String> readable) {
        String where = "1 = 1";
        Parameters params = new Parameters();
        if (department != null && !department.isBlank()) {
            where += " AND departmentCode = :department";
            params.and("department", department);
        }
        if (readable != null) {
            where += " AND departmentCode IN :readable";
            params.and("readable", readable);
        }
        PanacheQuery<Inspector> query = Inspector.find(where + " ORDER BY departmentCode, name, id", params);
        query.page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count())
                .map(i -> visibleTo(state(i), user));
    }

    @Transactional
    public ConflictState declareConflict(UUID inspectorId, DeclareConflictRequest r, CurrentUser user) {
        Inspector inspector = find(inspectorId);
        requireOwnDepartment(inspector.departmentCode, user);
        if (r.kind() == ConflictKind.RECUSAL_REQUEST) {
            throw ProblemException.invalid("kind", "RECUSAL_REQUEST conflicts come only from accepted recusal requests"
                    + " (POST /recusal-requests)");
        }
        if (Subject.findById(r.uscc()) == null) {
            throw ProblemException.invalid("uscc", "subject " + r.uscc() + " is not in the directory");
        }
        if (r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        return declare(inspectorId, r.uscc(), r.kind(), r.reason(), r.validFrom(), r.validTo(), null, user);
    }

    /** Used by recusal decisions too; the caller has checked the rules. */
    ConflictState declare(UUID inspectorId, String uscc, ConflictKind kind, String reason, LocalDate validFrom,
            LocalDate validTo, UUID recusalRequestId, CurrentUser user) {
        ConflictOfInterest c = new ConflictOfInterest();
        c.id = UUID.randomUUID();
        c.inspectorId = inspectorId;
        c.uscc = uscc;
        c.kind = kind;
        c.reason = reason;
        c.validFrom = validFrom;
        c.validTo = validTo;
        c.declaredBy = user.name();
        c.declaredAt = now();
        c.recusalRequestId = recusalRequestId;
        c.persist();
        ConflictState state = ConflictState.of(c);
        outbox.publish(config.eventsTopic(), inspectorId.toString(), ConflictState.DECLARED, ConflictState.SCHEMA_VERSION, state);
        return state;
    }

    /** The conflict stops excluding the inspector; the record stays with who withdrew it, when and why. */
    @Transactional
    public ConflictState withdrawConflict(UUID inspectorId, UUID conflictId, String reason, CurrentUser user) {
        Inspector inspector = find(inspectorId);
        requireOwnDepartment(inspector.departmentCode, user);
        ConflictOfInterest c = ConflictOfInterest.findById(conflictId);
        if (c == null || !c.inspectorId.equals(inspectorId)) {
            throw ProblemException.notFound("conflict", conflictId + " of inspector " + inspectorId);
        }
        if (c.withdrawnAt != null) {
            throw ProblemException.conflict("already-withdrawn", "conflict " + conflictId + " was withdrawn on "
                    + c.withdrawnAt + " by " + c.withdrawnBy);
        }
        c.withdrawnBy = user.name();
        c.withdrawnAt = now();
        c.withdrawalReason = reason;
        ConflictState state = ConflictState.of(c);
        outbox.publish(config.eventsTopic(), inspectorId.toString(), ConflictState.WITHDRAWN, ConflictState.SCHEMA_VERSION, state);
        return state;
    }

    @Transactional
    public List<ConflictState> conflicts(UUID inspectorId, Set<String> readable) {
        Inspector i = find(inspectorId);
        if (readable != null && !readable.contains(i.departmentCode)) {
            throw ProblemException.forbidden("inspector " + inspectorId + " is neither of your department nor below it");
        }
        return ConflictOfInterest.<ConflictOfInterest>list("inspectorId = ?1 ORDER BY validFrom, id", inspectorId)
                .stream().map(ConflictState::of).toList();
    }

    static Inspector find(UUID id) {
        Inspector i = Inspector.findById(id);
        if (i == null) {
            throw ProblemException.notFound("inspector", String.valueOf(id));
        }
        return i;
    }

    static InspectorState state(Inspector i) {
        return InspectorState.of(i, Unavailability.list("inspectorId = ?1 AND removedAt IS NULL", i.id));
    }

    /** Stores the revision (without personal data) and announces it. */
    InspectorState emit(String type, Inspector i, CurrentUser user) {
        i.flush(); // the revision actually stored
        InspectorState state = state(i);
        InspectorState published = state.withoutPersonalData();
        try {
            Inspector.getEntityManager().createNativeQuery("""
                    INSERT INTO inspector_revision (inspector_id, revision, state, changed_by, changed_at)
                    VALUES (?1, ?2, CAST(?3 AS jsonb), ?4, ?5)""")
                    .setParameter(1, i.id).setParameter(2, i.lockVersion)
                    .setParameter(3, mapper.writeValueAsString(published))
                    .setParameter(4, user.name()).setParameter(5, i.updatedAt)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write inspector revision", e);
        }
        outbox.publish(config.eventsTopic(), i.id.toString(), type, InspectorState.SCHEMA_VERSION, published);
        return state;
    }

    /**
     * Officers need a certificate; anyone with a certificate needs both validity dates; an expired certificate or one
     * held by another inspector is refused. Returns whether the inspector has a certificate.
     */
    private static boolean checkCertificate(InspectorKind kind, String number, LocalDate from, LocalDate to, UUID self) {
        boolean hasCertificate = number != null && !number.isBlank();
        if (kind == InspectorKind.OFFICER || hasCertificate) {
            if (!hasCertificate) {
                throw ProblemException.invalid("certificateNumber", "is required for an OFFICER (执法证号)");
            }
            if (from == null) {
                throw ProblemException.invalid("certificateValidFrom", "is required with a certificate");
            }
            if (to == null) {
                throw ProblemException.invalid("certificateValidTo", "is required with a certificate");
            }
            if (to.isBefore(from)) {
                throw ProblemException.invalid("certificateValidTo", "must not be before certificateValidFrom");
            }
            if (to.isBefore(LocalDate.now(CHINA))) {
                throw ProblemException.invalid("certificateValidTo", "the certificate expired on " + to);
            }
            long holders = self == null ? Inspector.count("certificateNumber", number)
                    : Inspector.count("certificateNumber = ?1 AND id <> ?2", number, self);
            if (holders > 0) {
                throw ProblemException.conflict("duplicate-certificate", "an inspector with certificate " + number + " already exists");
            }
        }
        return hasCertificate;
    }

    /** Personal data only for platform-admins and the admin of the inspector's own department. */
    static InspectorState visibleTo(InspectorState state, CurrentUser user) {
        boolean allowed = user.hasRole(Roles.PLATFORM_ADMIN)
                || (user.hasRole(Roles.DEPARTMENT_ADMIN) && state.department().equals(user.department()));
        return allowed ? state : state.withoutPersonalData();
    }

    static void requireOwnDepartment(String department, CurrentUser user) {
        user.requireDepartment(department);
    }

    private static void touch(Inspector i, CurrentUser user) {
        i.updatedBy = user.name();
        i.updatedAt = now();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
