package org.shuangsuiji.roster.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.service.DepartmentService;
import org.shuangsuiji.roster.service.DepartmentState;

@Path("/departments")
@Tag(name = "Departments (执法主体)")
public class DepartmentResource {


    private final DepartmentService departments;
    private final CurrentUser user;

    public DepartmentResource(DepartmentService departments, CurrentUser user) {
        this.departments = departments;
        this.user = user;
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Register a department; emits roster.department.registered")
    public Response register(@Valid @NotNull(message = "a JSON body is required") CreateDepartmentRequest request, UriInfo uri) {
        DepartmentState created = departments.register(request, user);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "All departments by code, paged")
    public Page<DepartmentState> list(@Valid @BeanParam PageRequest page) {
        return departments.list(page);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public DepartmentState get(@PathParam("code") String code) {
        return departments.get(code);
    }
}
