package org.shuangsuiji.roster.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.domain.Department;
import org.shuangsuiji.roster.service.ChangeListService;
import org.shuangsuiji.roster.service.DepartmentService;

/** 增减清单: the quarterly report of subjects added to, removed from and re-classified in a department's directory. */
@Path("/change-lists")
@Tag(name = "Subjects (检查对象名录库)")
public class ChangeListResource {

    private final ChangeListService changes;
    private final DepartmentService departments;
    private final CurrentUser user;

    public ChangeListResource(ChangeListService changes, DepartmentService departments, CurrentUser user) {
        this.changes = changes;
        this.departments = departments;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.DEPARTMENT_HEAD,
            Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "Subjects added, removed and re-classified in a department's directory from..to (inclusive,"
            + " China time), oldest first, paged")
    public Page<ChangeListService.Entry> list(@QueryParam("department") String department,
            @QueryParam("from") String from, @QueryParam("to") String to, @Valid @BeanParam PageRequest page) {
        if (department == null || department.isBlank()) {
            throw ProblemException.invalid("department", "is required");
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (Department.findById(department) == null) {
            throw ProblemException.invalid("department", "department " + department + " does not exist");
        }
        departments.requireReadable(department, user);
        return changes.list(department, start, end, page);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date YYYY-MM-DD");
        }
    }
}
