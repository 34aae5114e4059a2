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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.domain.RecusalState;
import org.shuangsuiji.roster.service.DepartmentService;
import org.shuangsuiji.roster.service.RecusalRequestState;
import org.shuangsuiji.roster.service.RecusalService;

/** 申请回避: enterprises' recusal requests, recorded and decided by the inspector's department. Confidential. */
@Path("/recusal-requests")
@Tag(name = "Inspectors (执法检查人员名录库) and conflicts of interest (回避)")
public class RecusalRequestResource {

    private final RecusalService recusals;
    private final DepartmentService departments;
    private final CurrentUser user;

    public RecusalRequestResource(RecusalService recusals, DepartmentService departments, CurrentUser user) {
        this.recusals = recusals;
        this.departments = departments;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Record an enterprise's recusal request against an inspector of the caller's department (PENDING)")
    public Response file(@Valid @NotNull(message = "a JSON body is required") FileRecusalRequest request, UriInfo uri) {
        RecusalRequestState filed = recusals.file(request, user);
        return Response.created(uri.getAbsolutePathBuilder().path(filed.id().toString()).build()).entity(filed).build();
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Accept (→ conflict RECUSAL_REQUEST, emits roster.conflict.declared) or reject; final")
    public RecusalRequestState decide(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") RecusalDecisionRequest request) {
        return recusals.decide(InspectorResource.uuid(id, "recusal request"), request, user);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.WITNESS, Roles.AUDITOR})
    public RecusalRequestState get(@PathParam("id") String id) {
        return recusals.get(InspectorResource.uuid(id, "recusal request"), departments.readableDepartments(user));
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "Recusal requests about inspectors of the caller's department and those below, newest first")
    public Page<RecusalRequestState> list(@Valid @BeanParam PageRequest page, @QueryParam("state") String state,
            @QueryParam("inspectorId") String inspectorId) {
        return recusals.list(page, SubjectResource.parse("state", state, RecusalState::valueOf, "PENDING, ACCEPTED or REJECTED"),
                inspectorId == null || inspectorId.isBlank() ? null : InspectorResource.uuid(inspectorId, "inspector"),
                departments.readableDepartments(user));
    }
}
