package org.shuangsuiji.roster.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.service.ConflictState;
import org.shuangsuiji.roster.service.DepartmentService;
import org.shuangsuiji.roster.service.InspectorService;
import org.shuangsuiji.roster.service.InspectorState;

@Path("/inspectors")
@Tag(name = "Inspectors (执法检查人员名录库) and conflicts of interest (回避)")
public class InspectorResource {

    private final InspectorService inspectors;
    private final DepartmentService departments;
    private final CurrentUser user;

    public InspectorResource(InspectorService inspectors, DepartmentService departments, CurrentUser user) {
        this.inspectors = inspectors;
        this.departments = departments;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Register an inspector of the caller's department; emits roster.inspector.registered (no personal data)")
    public Response register(@Valid @NotNull(message = "a JSON body is required") CreateInspectorRequest request, UriInfo uri) {
        InspectorState created = inspectors.register(request, user);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Change an inspector as of the revision read (409 if stale); emits roster.inspector.changed")
    public InspectorState update(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") UpdateInspectorRequest request) {
        return inspectors.update(uuid(id), request, user);
    }

    @POST
    @Path("/{id}/availability")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Add an unavailability period (leave, training); emits roster.inspector.changed")
    public Response addUnavailability(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") UnavailabilityRequest request) {
        return Response.status(Response.Status.CREATED).entity(inspectors.addUnavailability(uuid(id), request, user)).build();
    }

    @DELETE
    @Path("/{id}/availability/{periodId}")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Remove an unavailability period (kept on record); emits roster.inspector.changed")
    public InspectorState removeUnavailability(@PathParam("id") String id, @PathParam("periodId") String periodId) {
        return inspectors.removeUnavailability(uuid(id), uuid(periodId, "unavailability period"), user);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "One inspector of the caller's department or one below; idNumber and phone only for the"
            + " department's admin and platform-admins")
    public InspectorState get(@PathParam("id") String id) {
        return inspectors.get(uuid(id), user, departments.readableDepartments(user));
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "Inspectors of the caller's department and those below (platform-admin, auditor, witness: all),"
            + " optionally of one department, paged")
    public Page<InspectorState> list(@Valid @BeanParam PageRequest page, @QueryParam("department") String department) {
        if (department != null && !department.isBlank()) {
            departments.requireReadable(department, user);
        }
        return inspectors.list(page, department, user, departments.readableDepartments(user));
    }

    @POST
    @Path("/{id}/conflicts")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Declare a conflict of interest with a subject; emits roster.conflict.declared (confidential)")
    public Response declareConflict(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") DeclareConflictRequest request) {
        return Response.status(Response.Status.CREATED).entity(inspectors.declareConflict(uuid(id), request, user)).build();
    }

    @POST
    @Path("/{id}/conflicts/{conflictId}/withdrawal")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Withdraw a conflict (kept on record with who, when, why); emits roster.conflict.withdrawn")
    public ConflictState withdrawConflict(@PathParam("id") String id, @PathParam("conflictId") String conflictId,
            @Valid @NotNull(message = "a JSON body is required") WithdrawConflictRequest request) {
        return inspectors.withdrawConflict(uuid(id), uuid(conflictId, "conflict"), request.reason(), user);
    }

    @GET
    @Path("/{id}/conflicts")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The inspector's conflicts, withdrawn ones included (confidential)")
    public Page<ConflictState> conflicts(@PathParam("id") String id) {
        return Page.whole(inspectors.conflicts(uuid(id), departments.readableDepartments(user)));
    }

    static UUID uuid(String id) {
        return uuid(id, "inspector");
    }

    static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what, id);
        }
    }
}
