package org.shuangsuiji.roster.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.config.RosterConfig;

/**
 * The demo generator's files, streamed, for the local run's loader (which has no access to this module's classes):
 * it fetches them here and sends them to {@code POST /imports/…} like any user. Off unless {@code roster.demo.enabled}.
 */
@Path("/demo")
@Tag(name = "Bulk imports")
public class DemoResource {

    private final RosterConfig config;

    public DemoResource(RosterConfig config) {
        this.config = config;
    }

    @GET
    @Path("/subjects.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Generated demo subjects as import CSV (deterministic for count and seed)")
    public Response subjects(@QueryParam("count") Integer count, @QueryParam("seed") Long seed) {
        enabled();
        int n = count == null ? 3000 : count;
        if (n < 1 || n > 2_000_000) {
            throw ProblemException.invalid("count", "must be 1-2000000");
        }
        long s = seed == null ? 2024L : seed;
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            DemoGenerator.subjects(w, n, s);
        };
        return Response.ok(body, "text/csv;charset=UTF-8").build();
    }

    @GET
    @Path("/inspectors.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Generated demo inspectors of the shared departments as import CSV")
    public Response inspectors(@QueryParam("seed") Long seed) {
        enabled();
        long s = seed == null ? 2024L : seed;
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            DemoGenerator.inspectors(w, s);
        };
        return Response.ok(body, "text/csv;charset=UTF-8").build();
    }

    private void enabled() {
        if (!config.demo().enabled()) {
            throw ProblemException.notFound("demo data", "(roster.demo.enabled is false here)");
        }
    }
}
