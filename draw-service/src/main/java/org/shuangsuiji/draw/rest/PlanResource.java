package org.shuangsuiji.draw.rest;

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
import org.shuangsuiji.draw.domain.PlanStatus;
import org.shuangsuiji.draw.service.DepartmentScope;
import org.shuangsuiji.draw.service.PlanService;
import org.shuangsuiji.draw.service.PlanView;
import org.shuangsuiji.draw.service.TaskView;

/** Annual plans (年度抽查计划) and their tasks. Planners write drafts; the department head files and publishes. */
@Path("/plans")
@Tag(name = "Plans and tasks (年度抽查计划, 抽查任务)")
public class PlanResource {


    private final PlanService plans;
    private final DepartmentScope scope;
    private final CurrentUser user;

    public PlanResource(PlanService plans, DepartmentScope scope, CurrentUser user) {
        this.plans = plans;
        this.scope = scope;
        this.user = user;
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Create a draft plan of your department (year, title, joint, participatingDepartments)")
    public Response create(@Valid @NotNull(message = "a JSON body is required") CreatePlanRequest request, UriInfo uri) {
        PlanView created = plans.create(request, user);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "Plans, newest year first; filters department, year, status")
    public Page<PlanView> list(@Valid @BeanParam PageRequest page, @QueryParam("department") String department,
            @QueryParam("year") Integer year, @QueryParam("status") String status) {
        return plans.list(page, department, year, parse("status", status), scope.readable(user));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public PlanView get(@PathParam("id") UUID id) {
        return plans.get(id, scope.readable(user));
    }

    @POST
    @Path("/{id}/tasks")
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Add a task to a draft or an open adjustment; items must be published catalog versions")
    public Response addTask(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") TaskRequest request, UriInfo uri) {
        TaskView task = plans.addTask(id, request, user);
        return Response.created(uri.getBaseUriBuilder().path("tasks").path(task.id().toString()).build()).entity(task).build();
    }

    @PUT
    @Path("/{id}/tasks/{taskId}")
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Replace a task (draft or open adjustment, never once drawn)")
    public TaskView updateTask(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId,
            @Valid @NotNull(message = "a JSON body is required") TaskRequest request) {
        return plans.updateTask(id, taskId, request, user);
    }

    @DELETE
    @Path("/{id}/tasks/{taskId}")
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Remove a task (draft or open adjustment, never once drawn)")
    public Response removeTask(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId) {
        plans.removeTask(id, taskId, user);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/file")
    @RolesAllowed(Roles.DEPARTMENT_HEAD)
    @Operation(summary = "备案: file the draft with the upper level ({filedWith})")
    public PlanView file(@PathParam("id") UUID id, PlanActionRequest request) {
        return plans.file(id, request == null ? null : request.filedWith(), user);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.DEPARTMENT_HEAD)
    @Operation(summary = "Publish a filed plan, or an adjustment ({reason} required); emits draw.plan.published / draw.plan.adjusted")
    public PlanView publish(@PathParam("id") UUID id, PlanActionRequest request) {
        return plans.publish(id, request == null ? null : request.reason(), user);
    }

    @POST
    @Path("/{id}/adjustments")
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Open an adjustment of a published plan ({reason}); the public keeps the last revision until it is published")
    public PlanView openAdjustment(@PathParam("id") UUID id, PlanActionRequest request) {
        return plans.openAdjustment(id, request == null ? null : request.reason(), user);
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public Page<PlanService.Revision> revisions(@PathParam("id") UUID id) {
        plans.requireReadable(id, scope.readable(user));
        return Page.whole(plans.revisions(id));
    }

    @GET
    @Path("/{id}/changes")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The change log: every step with who, when and why")
    public Page<PlanService.Change> changes(@PathParam("id") UUID id) {
        plans.requireReadable(id, scope.readable(user));
        return Page.whole(plans.changes(id));
    }

    private static PlanStatus parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PlanStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not one of DRAFT, FILED, PUBLISHED, ADJUSTING");
        }
    }
}
