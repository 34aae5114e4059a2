package org.shuangsuiji.draw.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.draw.domain.Draw;
import org.shuangsuiji.draw.service.DrawService;
import org.shuangsuiji.draw.service.DrawView;
import org.shuangsuiji.draw.service.PlanService;
import org.shuangsuiji.draw.service.PublicDraws;

/**
 * 一公开: published plans with their change log, draw announcements and records, exactly as hashed. Never risk classes
 * per subject beyond what the record itself carries, never conflicts (hashes only), never the frozen lists.
 */
@Path("/public")
@Tag(name = "Public (一公开)")
@PermitAll
public class PublicResource {

    public static final String SHA256_HEADER = "X-Content-SHA256";

    private final PlanService plans;
    private final DrawService draws;
    private final PublicDraws publicDraws;

    public PublicResource(PlanService plans, DrawService draws, PublicDraws publicDraws) {
        this.plans = plans;
        this.draws = draws;
        this.publicDraws = publicDraws;
    }

    @GET
    @Path("/plans")
    @Operation(summary = "Published plans (latest revision each); filters department, year")
    public Page<PlanService.Revision> plans(@Valid @BeanParam PageRequest page,
            @QueryParam("department") String department, @QueryParam("year") Integer year) {
        return plans.publicList(page, department, year);
    }

    @GET
    @Path("/plans/{id}")
    @Operation(summary = "Every published revision of a plan, the first publication and each adjustment with its reason")
    public Page<PlanService.Revision> plan(@PathParam("id") UUID id) {
        plans.latestPublished(id);
        return Page.whole(plans.revisions(id));
    }

    @GET
    @Path("/draws/{id}")
    @Operation(summary = "A draw's state: announced hashes, counts and quotas, which values are in, the record hash")
    public DrawView draw(@PathParam("id") UUID id) {
        return draws.get(id);
    }

    @GET
    @Path("/draws/{id}/announcement")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The announcement as canonical JSON, byte for byte as hashed (hash in X-Content-SHA256)")
    public Response announcement(@PathParam("id") UUID id) {
        Draw d = draws.find(id);
        return Response.ok(d.announcement, MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .header(SHA256_HEADER, d.announcementSha256).build();
    }

    @GET
    @Path("/draws/{id}/record")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The draw record as canonical JSON, byte for byte as hashed (hash in X-Content-SHA256); 404 before compute")
    public Response record(@PathParam("id") UUID id) {
        draws.find(id);
        PublicDraws.Stored r = publicDraws.record(id);
        if (r == null) {
            throw ProblemException.notFound("draw record", id + " (the draw is not computed yet)");
        }
        return Response.ok(r.json(), MediaType.APPLICATION_JSON + ";charset=UTF-8").header(SHA256_HEADER, r.sha256()).build();
    }

    @GET
    @Path("/draws/{id}/substitutions")
    @Produces(DrawResource.NDJSON)
    @Operation(summary = "Substitutions after the draw, one canonical JSON object per line, hash-chained to the record")
    public Response substitutions(@PathParam("id") UUID id) {
        draws.find(id);
        return Response.ok(publicDraws.substitutions(id), DrawResource.NDJSON + ";charset=UTF-8").build();
    }

    @GET
    @Path("/tasks/{id}/draws")
    @Operation(summary = "The draws of a task, by batch")
    public Page<DrawView> taskDraws(@PathParam("id") UUID id) {
        return Page.whole(draws.ofTask(id));
    }
}
