package org.shuangsuiji.roster.service;

import org.shuangsuiji.commons.persistence.UniqueKeys;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.config.RosterConfig;
import org.shuangsuiji.roster.domain.ConflictOfInterest;
import org.shuangsuiji.roster.domain.Department;
import org.shuangsuiji.roster.domain.Inspector;
import org.shuangsuiji.roster.domain.InspectorKind;
import org.shuangsuiji.roster.domain.ResidentId;
import org.shuangsuiji.roster.domain.Subject;
import org.shuangsuiji.roster.rest.CreateInspectorRequest;
import org.shuangsuiji.roster.rest.DeclareConflictRequest;

/** The inspector directory (执法检查人员名录库) and declared conflicts of interest (回避). */
@ApplicationScoped
public class InspectorService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Outbox outbox;
    private final RosterConfig config;

    public InspectorService(Outbox outbox, RosterConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public InspectorState register(CreateInspectorRequest r, CurrentUser user) {
        requireOwnDepartment(r.department(), user);
        if (Department.findById(r.department()) == null) {
            throw ProblemException.invalid("department", "department " + r.department() + " does not exist");
        }
        boolean hasCertificate = r.certificateNumber() != null && !r.certificateNumber().isBlank();
        if (r.kind() == InspectorKind.OFFICER || hasCertificate) {
            if (!hasCertificate) {
                throw ProblemException.invalid("certificateNumber", "is required for an OFFICER (执法证号)");
            }
            if (r.certificateValidFrom() == null) {
                throw ProblemException.invalid("certificateValidFrom", "is required with a certificate");
            }
            if (r.certificateValidTo() == null) {
                throw ProblemException.invalid("certificateValidTo", "is required with a certificate");
            }
            if (r.certificateValidTo().isBefore(r.certificateValidFrom())) {
                throw ProblemException.invalid("certificateValidTo", "must not be before certificateValidFrom");
            }
            if (r.certificateValidTo().isBefore(LocalDate.now(CHINA))) {
                throw ProblemException.invalid("certificateValidTo", "the certificate expired on " + r.certificateValidTo());
            }
            if (Inspector.count("certificateNumber", r.certificateNumber()) > 0) {
                throw ProblemException.conflict("duplicate-certificate",
                        "an inspector with certificate " + r.certificateNumber() + " already exists");
            }
        }
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
        UniqueKeys.persist(i, "duplicate-certificate", "an inspector with certificate " + i.certificateNumber + " already exists");
        InspectorState state = InspectorState.of(i);
        outbox.publish(config.eventsTopic(), i.id.toString(), InspectorState.REGISTERED, InspectorState.SCHEMA_VERSION,
                state.withoutPersonalData());
        return visibleTo(state, user);
    }

    @Transactional
    public InspectorState get(UUID id, CurrentUser user) {
        return visibleTo(InspectorState.of(find(id)), user);
    }

    @Transactional
    public Page<InspectorState> list(PageRequest page, String department, CurrentUser user) {
        PanacheQuery<Inspector> query = department == null || department.isBlank()
                ? Inspector.find("ORDER BY departmentCode, name, id")
                : Inspector.find("departmentCode = ?1 ORDER BY name, id", department);
        query.page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count())
                .map(i -> visibleTo(InspectorState.of(i), user));
    }

    @Transactional
    public ConflictState declareConflict(UUID inspectorId, DeclareConflictRequest r, CurrentUser user) {
        Inspector inspector = find(inspectorId);
        requireOwnDepartment(inspector.departmentCode, user);
        if (Subject.findById(r.uscc()) == null) {
            throw ProblemException.invalid("uscc", "subject " + r.uscc() + " is not in the directory");
        }
        if (r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        ConflictOfInterest c = new ConflictOfInterest();
        c.id = UUID.randomUUID();
        c.inspectorId = inspectorId;
        c.uscc = r.uscc();
        c.kind = r.kind();
        c.reason = r.reason();
        c.validFrom = r.validFrom();
        c.validTo = r.validTo();
        c.declaredBy = user.name();
        c.declaredAt = now();
        c.persist();
        ConflictState state = ConflictState.of(c);
        outbox.publish(config.eventsTopic(), inspectorId.toString(), ConflictState.DECLARED, ConflictState.SCHEMA_VERSION, state);
        return state;
    }

    @Transactional
    public List<ConflictState> conflicts(UUID inspectorId) {
        find(inspectorId);
        return ConflictOfInterest.<ConflictOfInterest>list("inspectorId = ?1 ORDER BY validFrom, id", inspectorId)
                .stream().map(ConflictState::of).toList();
    }

    private static Inspector find(UUID id) {
        Inspector i = Inspector.findById(id);
        if (i == null) {
            throw ProblemException.notFound("inspector", String.valueOf(id));
        }
        return i;
    }

    /** Personal data only for platform-admins and the admin of the inspector's own department. */
    private static InspectorState visibleTo(InspectorState state, CurrentUser user) {
        boolean allowed = user.hasRole(Roles.PLATFORM_ADMIN)
                || (user.hasRole(Roles.DEPARTMENT_ADMIN) && state.department().equals(user.department()));
        return allowed ? state : state.withoutPersonalData();
    }

    private static void requireOwnDepartment(String department, CurrentUser user) {
        if (!user.hasRole(Roles.PLATFORM_ADMIN) && (user.department() == null || !user.department().equals(department))) {
            throw ProblemException.forbidden("department " + department + " is not your department");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
