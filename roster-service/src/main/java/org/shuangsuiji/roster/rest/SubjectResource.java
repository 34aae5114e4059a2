package org.shuangsuiji.roster.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.domain.RiskClass;
import org.shuangsuiji.roster.domain.SubjectStatus;
import org.shuangsuiji.roster.service.DepartmentService;
import org.shuangsuiji.roster.service.SubjectService;
import org.shuangsuiji.roster.service.SubjectState;

/** The subject directory. Answers carry the confidential risk class: authenticated platform roles only, never /public. */
@Path("/subjects")
@Tag(name = "Subjects (检查对象名录库)")
public class SubjectResource {

    private final SubjectService subjects;
    private final DepartmentService departments;
    private final CurrentUser user;

    public SubjectResource(SubjectService subjects, DepartmentService departments, CurrentUser user) {
        this.subjects = subjects;
        this.departments = departments;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Register a subject into directories (a department-admin: only their own); emits roster.subject.registered")
    public Response register(@Valid @NotNull(message = "a JSON body is required") CreateSubjectRequest request, UriInfo uri) {
        SubjectState created = subjects.register(request, user);
        return Response.created(uri.getAbsolutePathBuilder().path(created.uscc()).build()).entity(created).build();
    }

    @GET
    @Path("/{uscc}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public SubjectState get(@PathParam("uscc") String uscc) {
        return subjects.get(uscc, departments.readableDepartments(user));
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "Subjects by USCC, paged; filters department, divisionPrefix, riskClass, status. Scoped: the"
            + " caller's department and those below it (platform-admin, auditor, witness: all)")
    public Page<SubjectState> list(@Valid @BeanParam PageRequest page,
            @QueryParam("department") String department,
            @QueryParam("divisionPrefix") @Pattern(regexp = "[0-9]{1,6}", message = "must be 1-6 digits") String divisionPrefix,
            @QueryParam("riskClass") String riskClass,
            @QueryParam("status") String status) {
        RiskClass risk = parse("riskClass", riskClass, RiskClass::valueOf, "A, B, C or D");
        SubjectStatus parsedStatus = parse("status", status, SubjectStatus::valueOf, "ACTIVE, DEREGISTERED, REVOKED or MOVED_OUT");
        if (department != null && !department.isBlank()) {
            departments.requireReadable(department, user);
        }
        return subjects.list(page, department, divisionPrefix, risk, parsedStatus, departments.readableDepartments(user));
    }

    @GET
    @Path("/{uscc}/risk-history")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "Every credit-risk class the subject had, oldest first (confidential)")
    public Page<org.shuangsuiji.roster.service.RiskHistoryEntry> riskHistory(@PathParam("uscc") String uscc) {
        return Page.whole(subjects.riskHistory(uscc, departments.readableDepartments(user)));
    }

    /** Unknown enum values are a 400 naming the parameter (JAX-RS alone would answer 404). */
    static <T> T parse(String field, String value, java.util.function.Function<String, T> f, String allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return f.apply(value);
        } catch (IllegalArgumentException e) {
            throw org.shuangsuiji.commons.problem.ProblemException.invalid(field, "'" + value + "' is not one of " + allowed);
        }
    }

    @PUT
    @Path("/{uscc}")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Replace registration data and status; emits roster.subject.changed")
    public SubjectState update(@PathParam("uscc") String uscc,
            @Valid @NotNull(message = "a JSON body is required") UpdateSubjectRequest request) {
        return subjects.update(uscc, request, user);
    }

    @PUT
    @Path("/{uscc}/risk-class")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Set the credit-risk class with as-of date and source; emits roster.subject.risk-class-changed")
    public SubjectState changeRiskClass(@PathParam("uscc") String uscc,
            @Valid @NotNull(message = "a JSON body is required") RiskClassRequest request) {
        return subjects.changeRiskClass(uscc, request, user);
    }

    @POST
    @Path("/{uscc}/directories")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Add the subject to a department's directory (a department-admin: their own); emits roster.subject.changed")
    public SubjectState addToDirectory(@PathParam("uscc") String uscc,
            @Valid @NotNull(message = "a JSON body is required") DirectoryRequest request) {
        return subjects.addToDirectory(uscc, request.department(), user);
    }

    @DELETE
    @Path("/{uscc}/directories/{department}")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Remove the subject from a department's directory (not its last); emits roster.subject.changed")
    public SubjectState removeFromDirectory(@PathParam("uscc") String uscc, @PathParam("department") String department) {
        return subjects.removeFromDirectory(uscc, department, user);
    }

    public record DirectoryRequest(@jakarta.validation.constraints.NotBlank(message = "is required") String department) {}

    @POST
    @Path("/{uscc}/tags")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Add a tag (idempotent); emits roster.subject.tagged when it is new")
    public SubjectState tag(@PathParam("uscc") String uscc,
            @Valid @NotNull(message = "a JSON body is required") TagRequest request) {
        return subjects.tag(uscc, request.code(), user);
    }

    @DELETE
    @Path("/{uscc}/tags/{code}")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Remove a tag; emits roster.subject.untagged")
    public SubjectState untag(@PathParam("uscc") String uscc, @PathParam("code") String code) {
        return subjects.untag(uscc, code, user);
    }
}
