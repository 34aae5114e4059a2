package org.shuangsuiji.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.domain.RuleSet;
import org.shuangsuiji.catalog.service.EditOutcome;
import org.shuangsuiji.catalog.service.RuleService;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;

/**
 * Rule sets are addressed by key: {@code /rules/{department}} for a department's rules and
 * {@code /rules/{department}/items/{itemCode}} for one item's.
 */
@Path("/rules")
@Tag(name = "Implementation rules (抽查工作细则)")
public class RuleResource {

    private final RuleService rules;
    private final CurrentUser user;
    private final Comments comments;

    public RuleResource(RuleService rules, CurrentUser user, Comments comments) {
        this.rules = rules;
        this.user = user;
        this.comments = comments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Write a department's (or, with itemCode, an item's) rules: creates version 1 (201), edits the "
            + "draft, or opens the next version after a published one (200); X-Edit-Outcome says which")
    public Response save(@Valid @NotNull(message = "a JSON body is required") RuleSetRequest request) {
        RuleService.Written written = rules.save(request, user);
        return Response.status(written.outcome() == EditOutcome.CREATED ? 201 : 200)
                .entity(RuleSetView.of(written.rules()))
                .header("X-Edit-Outcome", written.outcome().name())
                .build();
    }

    @POST
    @Path("/{department}/{action: submit|approve|reject|publish}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT_ADMIN, Roles.REVIEWER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A lifecycle step of the department's rules; publish emits catalog.rules.published")
    public RuleSetView departmentStep(@PathParam("department") String department, @PathParam("action") String action,
            @QueryParam("comment") String comment, String body) {
        return RuleSetView.of(rules.step(department, action, comments.of(comment, body), user));
    }

    @POST
    @Path("/{department}/items/{itemCode}/{action: submit|approve|reject|publish}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT_ADMIN, Roles.REVIEWER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A lifecycle step of one item's rules; publish emits catalog.rules.published")
    public RuleSetView itemStep(@PathParam("department") String department, @PathParam("itemCode") String itemCode,
            @PathParam("action") String action, @QueryParam("comment") String comment, String body) {
        return RuleSetView.of(rules.step(RuleSet.keyOf(department, itemCode), action, comments.of(comment, body), user));
    }

    @GET
    @Path("/effective")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The published rules that apply: the item's own if published, else the department's")
    public RuleSetView effective(@QueryParam("department") String department, @QueryParam("itemCode") String itemCode) {
        if (department == null || department.isBlank()) {
            throw ProblemException.invalid("department", "is required");
        }
        return RuleSetView.of(rules.effective(department, itemCode));
    }

    @GET
    @Path("/{department}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The latest version of a department's rules")
    public RuleSetView department(@PathParam("department") String department) {
        return RuleSetView.of(rules.require(department));
    }

    @GET
    @Path("/{department}/versions/{version}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public RuleSetView departmentVersion(@PathParam("department") String department, @PathParam("version") int version) {
        return RuleSetView.of(rules.version(department, version));
    }

    @GET
    @Path("/{department}/history")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public Page<TransitionView> departmentHistory(@PathParam("department") String department) {
        return Page.whole(rules.history(department).stream().map(TransitionView::of).toList());
    }

    @GET
    @Path("/{department}/items/{itemCode}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The latest version of one item's rules")
    public RuleSetView item(@PathParam("department") String department, @PathParam("itemCode") String itemCode) {
        return RuleSetView.of(rules.require(RuleSet.keyOf(department, itemCode)));
    }

    @GET
    @Path("/{department}/items/{itemCode}/versions/{version}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public RuleSetView itemVersion(@PathParam("department") String department, @PathParam("itemCode") String itemCode,
            @PathParam("version") int version) {
        return RuleSetView.of(rules.version(RuleSet.keyOf(department, itemCode), version));
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The latest version of every rule set, optionally of one department and in one status, paged")
    public Page<RuleSetView> list(@QueryParam("department") String department, @QueryParam("status") LifecycleStatus status,
            @Valid @BeanParam PageRequest page) {
        return rules.list(department, status, page).map(RuleSetView::of);
    }
}
