package org.shuangsuiji.catalog.rest;

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
import org.shuangsuiji.catalog.service.ItemService;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;

@Path("/items")
@Tag(name = "Inspection items (随机抽查事项)")
public class ItemResource {

    private final ItemService items;
    private final CurrentUser user;

    public ItemResource(ItemService items, CurrentUser user) {
        this.items = items;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.PLANNER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Create a draft item for the caller's department")
    public Response create(@Valid @NotNull(message = "a JSON body is required") CreateItemRequest request, UriInfo uri) {
        ItemView created = ItemView.of(items.createDraft(request, user));
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @POST
    @Path("/{code}/publish")
    @RolesAllowed({Roles.REVIEWER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Publish the latest version after review (法规科审核); emits catalog.item.published")
    public ItemView publish(@PathParam("code") String code) {
        return ItemView.of(items.publish(code, user));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public ItemView get(@PathParam("code") String code) {
        return ItemView.of(items.get(code));
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "All item versions, paged")
    public Page<ItemView> list(@Valid @BeanParam PageRequest page) {
        return items.list(page).map(ItemView::of);
    }
}
