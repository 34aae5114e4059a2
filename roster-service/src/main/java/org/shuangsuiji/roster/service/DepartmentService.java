package org.shuangsuiji.roster.service;

import org.shuangsuiji.commons.persistence.UniqueKeys;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.shuangsuiji.roster.domain.DepartmentLevel;
import org.shuangsuiji.roster.rest.CreateDepartmentRequest;

@ApplicationScoped
public class DepartmentService {

    private final Outbox outbox;
    private final RosterConfig config;

    public DepartmentService(Outbox outbox, RosterConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public DepartmentState register(CreateDepartmentRequest request, CurrentUser user) {
        if (Department.findById(request.code()) != null) {
            throw ProblemException.conflict("duplicate-department", "a department with code " + request.code() + " already exists");
        }
        checkDivisionMatchesLevel(request.level(), request.divisionCode());
        if (request.parentCode() == null || request.parentCode().isBlank()) {
            if (request.level() != DepartmentLevel.PROVINCE) {
                throw ProblemException.invalid("parentCode", "is required for a " + request.level() + " department");
            }
        } else {
            Department parent = Department.findById(request.parentCode());
            if (parent == null) {
                throw ProblemException.invalid("parentCode", "department " + request.parentCode() + " does not exist");
            }
            if (!parent.level.isAbove(request.level())) {
                throw ProblemException.invalid("parentCode",
                        "a " + request.level() + " department needs a parent of a higher level, not " + parent.level);
            }
            if (!request.divisionCode().startsWith(divisionPrefix(parent.level, parent.divisionCode))) {
                throw ProblemException.invalid("divisionCode",
                        request.divisionCode() + " is not inside the parent's division " + parent.divisionCode);
            }
        }
        Department d = new Department();
        d.code = request.code();
        d.name = request.name();
        d.level = request.level();
        d.divisionCode = request.divisionCode();
        d.parentCode = request.parentCode() == null || request.parentCode().isBlank() ? null : request.parentCode();
        d.createdBy = user.name();
        d.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        UniqueKeys.persist(d, "duplicate-department", "a department with code " + d.code + " already exists");
        DepartmentState state = DepartmentState.of(d);
        outbox.publish(config.eventsTopic(), d.code, DepartmentState.REGISTERED, DepartmentState.SCHEMA_VERSION, state);
        return state;
    }

    public DepartmentState get(String code) {
        Department d = Department.findById(code);
        if (d == null) {
            throw ProblemException.notFound("department", code);
        }
        return DepartmentState.of(d);
    }

    public Page<DepartmentState> list(PageRequest page) {
        PanacheQuery<Department> query = Department.find("ORDER BY code").page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count()).map(DepartmentState::of);
    }

    /**
     * Whether {@code user} may read the directory of {@code department}: platform-admins, auditors and witnesses read
     * every directory; anyone else reads their own department's and those of the departments below it (an upper
     * level reads its lower levels' data). A null department means "all directories".
     */
    @Transactional
    public void requireReadable(String department, CurrentUser user) {
        if (user.hasRole(Roles.PLATFORM_ADMIN) || user.hasRole(Roles.AUDITOR) || user.hasRole(Roles.WITNESS)) {
            return;
        }
        if (department == null) {
            throw ProblemException.invalid("department", "is required for your role: name your department or one below it");
        }
        String own = user.department();
        Department d = Department.findById(department);
        if (d == null) {
            throw ProblemException.invalid("department", "department " + department + " does not exist");
        }
        for (int depth = 0; d != null && depth < 10; depth++) {
            if (d.code.equals(own)) {
                return;
            }
            d = d.parentCode == null ? null : Department.findById(d.parentCode);
        }
        throw ProblemException.forbidden("department " + department + " is neither yours nor below yours");
    }

    /**
     * The departments whose directories {@code user} may read: null for platform-wide readers (platform-admin,
     * auditor, witness: every directory), otherwise their own department and every department below it. An upper
     * level reads its lower levels' data; writes stay limited to the own department elsewhere.
     */
    @Transactional
    public Set<String> readableDepartments(CurrentUser user) {
        if (user.hasRole(Roles.PLATFORM_ADMIN) || user.hasRole(Roles.AUDITOR) || user.hasRole(Roles.WITNESS)) {
            return null;
        }
        String own = user.department();
        if (own == null || own.isBlank()) {
            throw ProblemException.forbidden("your token names no department, so no directory is readable for your role");
        }
        @SuppressWarnings("unchecked")
        List<String> codes = Department.getEntityManager().createNativeQuery("""
                WITH RECURSIVE below(code, depth) AS (
                    SELECT code, 0 FROM department WHERE code = ?1
                    UNION ALL
                    SELECT d.code, b.depth + 1 FROM department d JOIN below b ON d.parent_code = b.code WHERE b.depth < 10)
                SELECT code FROM below""").setParameter(1, own).getResultList();
        Set<String> readable = new TreeSet<>(codes);
        readable.add(own); // a token's department not (yet) registered still reads only itself
        return readable;
    }

    /** GB/T 2260: a province's code ends in 0000, a city's (prefecture's) in 00, a county's in neither. */
    private static void checkDivisionMatchesLevel(DepartmentLevel level, String division) {
        boolean ok = switch (level) {
            case PROVINCE -> division.endsWith("0000");
            case CITY -> division.endsWith("00") && !division.endsWith("0000");
            case COUNTY -> !division.endsWith("00");
        };
        if (!ok) {
            throw ProblemException.invalid("divisionCode", division + " is not a " + level.name().toLowerCase() + "-level division code");
        }
    }

    private static String divisionPrefix(DepartmentLevel level, String division) {
        return switch (level) {
            case PROVINCE -> division.substring(0, 2);
            case CITY -> division.substring(0, 4);
            case COUNTY -> division;
        };
    }
}
