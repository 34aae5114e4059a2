package org.shuangsuiji.roster.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.service.ConflictState;
import org.shuangsuiji.roster.service.InspectorService;
import org.shuangsuiji.roster.service.InspectorState;

@Path("/inspectors")
@Tag(name = "Inspectors (执法检查人员名录库) and conflicts of interest (回避)")
public class InspectorResource {

    private final InspectorService inspectors;
    private final CurrentUser user;

    public InspectorResource(InspectorService inspectors, CurrentUser user) {
        this.inspectors = inspectors;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Register an inspector of the caller's department; emits roster.inspector.registered (no personal data)")
    public Response register(@Valid @NotNull(message = "a JSON body is required") CreateInspectorRequest request, UriInfo uri) {
        InspectorState created = inspectors.register(request, user);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "One inspector; idNumber and phone only for the department's admin and platform-admins")
    public InspectorState get(@PathParam("id") String id) {
        return inspectors.get(uuid(id), user);
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "Inspectors, optionally of one department, paged")
    public Page<InspectorState> list(@Valid @BeanParam PageRequest page, @QueryParam("department") String department) {
        return inspectors.list(page, department, user);
    }

    @POST
    @Path("/{id}/conflicts")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Declare a conflict of interest with a subject; emits roster.conflict.declared (confidential)")
    public Response declareConflict(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") DeclareConflictRequest request) {
        return Response.status(Response.Status.CREATED).entity(inspectors.declareConflict(uuid(id), request, user)).build();
    }

    @GET
    @Path("/{id}/conflicts")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The inspector's declared conflicts (confidential)")
    public List<ConflictState> conflicts(@PathParam("id") String id) {
        return inspectors.conflicts(uuid(id));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("inspector", id);
        }
    }
}
