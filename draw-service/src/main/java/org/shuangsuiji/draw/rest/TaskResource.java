package org.shuangsuiji.draw.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.draw.service.DepartmentScope;
import org.shuangsuiji.draw.service.DrawService;
import org.shuangsuiji.draw.service.DrawView;
import org.shuangsuiji.draw.service.PlanService;
import org.shuangsuiji.draw.service.TaskView;

@Path("/tasks")
@Tag(name = "Plans and tasks (年度抽查计划, 抽查任务)")
public class TaskResource {

    private final PlanService plans;
    private final DrawService draws;
    private final DepartmentScope scope;
    private final CurrentUser user;

    public TaskResource(PlanService plans, DrawService draws, DepartmentScope scope, CurrentUser user) {
        this.plans = plans;
        this.draws = draws;
        this.scope = scope;
        this.user = user;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public TaskView get(@PathParam("id") UUID id) {
        TaskView task = plans.task(id);
        plans.requireReadable(task.planId(), scope.readable(user));
        return task;
    }

    @POST
    @Path("/{id}/draws")
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Announce a draw of the task's next batch: freezes pools, exclusions, inspectors and conflicts, "
            + "names the entropy; emits draw.announced")
    public Response announce(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") AnnounceRequest request, UriInfo uri) {
        DrawView draw = draws.announce(id, request, user);
        return Response.created(uri.getBaseUriBuilder().path("draws").path(draw.id().toString()).build()).entity(draw).build();
    }

    @GET
    @Path("/{id}/draws")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public Page<DrawView> draws(@PathParam("id") UUID id) {
        return Page.whole(draws.ofTask(id));
    }
}
