package org.shuangsuiji.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.catalog.domain.IndustryScenario;
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.service.Checklist;
import org.shuangsuiji.catalog.service.ScenarioService;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;

@Path("/scenarios")
@Tag(name = "Joint-inspection scenarios (一业一查)")
public class ScenarioResource {

    private final ScenarioService scenarios;
    private final CurrentUser user;
    private final Comments comments;

    public ScenarioResource(ScenarioService scenarios, CurrentUser user, Comments comments) {
        this.scenarios = scenarios;
        this.user = user;
        this.comments = comments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Create version 1 of a scenario as a draft; the caller must edit for the lead department")
    public Response create(@Valid @NotNull(message = "a JSON body is required") ScenarioRequest request, UriInfo uri) {
        ScenarioView created = ScenarioView.of(scenarios.create(request, user));
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Edit the draft, or open a draft of the next version when the latest is published or retired")
    public ScenarioView edit(@PathParam("code") String code,
            @Valid @NotNull(message = "a JSON body is required") ScenarioRequest request) {
        return ScenarioView.of(scenarios.edit(code, request, user));
    }

    @POST
    @Path("/{code}/{action: submit|approve|reject|publish|retire}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT_ADMIN, Roles.REVIEWER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A lifecycle step: submit (editors), approve, reject (comment required), publish "
            + "(emits catalog.scenario.published), retire (emits catalog.scenario.retired) — reviewers of the lead department")
    public ScenarioView step(@PathParam("code") String code, @PathParam("action") String action,
            @QueryParam("comment") String comment, String body) {
        String why = comments.of(comment, body);
        IndustryScenario s = switch (action) {
            case "submit" -> scenarios.submit(code, why, user);
            case "approve" -> scenarios.approve(code, why, user);
            case "reject" -> scenarios.reject(code, why, user);
            case "publish" -> scenarios.publish(code, why, user);
            case "retire" -> scenarios.retire(code, why, user);
            default -> throw ProblemException.notFound("action", action);
        };
        return ScenarioView.of(s);
    }

    @GET
    @Path("/{ref}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The latest version, or one version when the path is code@version")
    public ScenarioView get(@PathParam("ref") String ref) {
        return ScenarioView.of(scenarios.get(ref));
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public ScenarioView version(@PathParam("code") String code, @PathParam("version") int version) {
        return ScenarioView.of(scenarios.version(code, version));
    }

    @GET
    @Path("/{code}/versions")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public Page<ScenarioView> versions(@PathParam("code") String code) {
        return Page.whole(scenarios.versions(code).stream().map(ScenarioView::of).toList());
    }

    @GET
    @Path("/{code}/history")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "Every recorded step of every version")
    public Page<TransitionView> history(@PathParam("code") String code) {
        return Page.whole(scenarios.history(code).stream().map(TransitionView::of).toList());
    }

    @GET
    @Path("/{code}/checklist")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The merged checklist of one joint visit (进一次门、查多项事): the published version, or "
            + "?version=n for any version")
    public Checklist checklist(@PathParam("code") String code, @QueryParam("version") Integer version) {
        IndustryScenario s = version != null ? scenarios.version(code, version) : IndustryScenario.published(code);
        if (s == null) {
            s = scenarios.get(code);
        }
        return scenarios.checklist(s);
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The latest version of every scenario a department leads or joins, paged")
    public Page<ScenarioView> list(@QueryParam("department") String department, @QueryParam("status") LifecycleStatus status,
            @Valid @BeanParam PageRequest page) {
        return scenarios.list(department, status, page).map(ScenarioView::of);
    }
}
