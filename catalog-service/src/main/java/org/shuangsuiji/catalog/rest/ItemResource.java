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
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.service.ItemImportService;
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
    private final Comments comments;
    private final ItemImportService importer;

    public ItemResource(ItemService items, CurrentUser user, Comments comments, ItemImportService importer) {
        this.items = items;
        this.user = user;
        this.comments = comments;
        this.importer = importer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Create version 1 of a new item as a draft, for the caller's department")
    public Response create(@Valid @NotNull(message = "a JSON body is required") ItemRequest request, UriInfo uri) {
        ItemView created = ItemView.of(items.createDraft(request, user));
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Change an item: edits the open draft, or opens a draft of the next version when the latest is "
            + "published or retired; the header X-Edit-Outcome says which (CREATED is never returned here)")
    public Response edit(@PathParam("code") String code,
            @Valid @NotNull(message = "a JSON body is required") ItemRequest request) {
        ItemService.Written written = items.edit(code, request, user);
        return Response.ok(ItemView.of(written.item())).header("X-Edit-Outcome", written.outcome().name()).build();
    }

    @POST
    @Path("/{code}/submit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Submit the draft for review (optional comment)")
    public ItemView submit(@PathParam("code") String code, @QueryParam("comment") String comment, String body) {
        return ItemView.of(items.submit(code, comments.of(comment, body), user));
    }

    @POST
    @Path("/{code}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.REVIEWER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Approve the submitted version (法规科审核); not by the person who submitted it")
    public ItemView approve(@PathParam("code") String code, @QueryParam("comment") String comment, String body) {
        return ItemView.of(items.approve(code, comments.of(comment, body), user));
    }

    @POST
    @Path("/{code}/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.REVIEWER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Send a submitted or approved version back to draft; a comment is required")
    public ItemView reject(@PathParam("code") String code, @QueryParam("comment") String comment, String body) {
        return ItemView.of(items.reject(code, comments.of(comment, body), user));
    }

    @POST
    @Path("/{code}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.REVIEWER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Publish the approved version; the previous published version becomes SUPERSEDED; emits "
            + "catalog.item.published")
    public ItemView publish(@PathParam("code") String code, @QueryParam("comment") String comment, String body) {
        return ItemView.of(items.publish(code, comments.of(comment, body), user));
    }

    @POST
    @Path("/{code}/retire")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.REVIEWER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Retire the published version: new plans may no longer use it; emits catalog.item.retired")
    public ItemView retire(@PathParam("code") String code, @QueryParam("comment") String comment, String body) {
        return ItemView.of(items.retire(code, comments.of(comment, body), user));
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", PublicResource.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Import a list in the published layout (序号/抽查类别/抽查事项/检查对象/事项类别/检查方式/检查主体/"
            + "检查依据, then optionally 事项编码/抽查内容/抽查比例/抽查频次/最少检查人数/专业要求/备注) as CSV or XLSX. All or "
            + "nothing: any rejected row is a 422 listing every row and column at fault; otherwise rows become drafts. "
            + "Re-importing the same file changes nothing. dryRun=true only reports.")
    public ImportReport importItems(byte[] body, @QueryParam("dryRun") boolean dryRun,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType) {
        ItemImportService.Format format;
        if (contentType != null && contentType.startsWith("text/csv")) {
            format = ItemImportService.Format.CSV;
        } else if (contentType != null && contentType.startsWith(PublicResource.XLSX)) {
            format = ItemImportService.Format.XLSX;
        } else {
            boolean zip = body != null && body.length > 3 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
            format = zip ? ItemImportService.Format.XLSX : ItemImportService.Format.CSV;
        }
        return importer.importItems(body, format, dryRun, user);
    }

    @GET
    @Path("/{ref}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The latest version of an item, or exactly one version when the path is code@version")
    public ItemView get(@PathParam("ref") String ref) {
        return ItemView.of(items.get(ref));
    }

    @GET
    @Path("/{code}/versions")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "Every version of an item, oldest first")
    public Page<ItemView> versions(@PathParam("code") String code) {
        return Page.whole(items.versions(code).stream().map(ItemView::of).toList());
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "One version, readable forever")
    public ItemView version(@PathParam("code") String code, @PathParam("version") int version) {
        return ItemView.of(items.version(code, version));
    }

    @GET
    @Path("/{code}/history")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "Every recorded step of every version: who, when, from which status to which, and why")
    public Page<TransitionView> history(@PathParam("code") String code) {
        return Page.whole(items.history(code).stream().map(TransitionView::of).toList());
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    @Operation(summary = "The latest version of every item, optionally of one department and in one status, paged")
    public Page<ItemView> list(@QueryParam("department") String department, @QueryParam("status") LifecycleStatus status,
            @Valid @BeanParam PageRequest page) {
        return items.list(department, status, page).map(ItemView::of);
    }
}
