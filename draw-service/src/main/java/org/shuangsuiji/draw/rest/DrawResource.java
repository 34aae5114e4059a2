package org.shuangsuiji.draw.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.draw.algorithm.record.Substitution;
import org.shuangsuiji.draw.domain.Stratum;
import org.shuangsuiji.draw.service.DrawService;
import org.shuangsuiji.draw.service.DrawStreams;
import org.shuangsuiji.draw.service.DrawView;

/**
 * One draw: reveal (witnesses), compute (once), substitutions (after the draw), and the frozen lists for witnesses
 * and auditors. There is deliberately no endpoint that re-runs, edits or deletes a draw.
 */
@Path("/draws")
@Tag(name = "Draws (随机抽取)")
public class DrawResource {

    public static final String NDJSON = "application/x-ndjson";

    private final DrawService draws;
    private final DrawStreams streams;
    private final CurrentUser user;

    public DrawResource(DrawService draws, DrawStreams streams, CurrentUser user) {
        this.draws = draws;
        this.streams = streams;
        this.user = user;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DEPARTMENT_ADMIN, Roles.PLANNER, Roles.REVIEWER, Roles.INSPECTOR,
            Roles.DEPARTMENT_HEAD, Roles.WITNESS, Roles.AUDITOR})
    public DrawView get(@PathParam("id") UUID id) {
        return draws.get(id);
    }

    @POST
    @Path("/{id}/entropy")
    @RolesAllowed(Roles.WITNESS)
    @Operation(summary = "Enter one announced value (witness values with their salt, checked against the commitment); once per value")
    public DrawView reveal(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") RevealRequest request) {
        return draws.reveal(id, request, user);
    }

    @POST
    @Path("/{id}/compute")
    @RolesAllowed({Roles.PLANNER, Roles.WITNESS})
    @Operation(summary = "Compute the draw from its frozen inputs, exactly once (a second call is 409); emits draw.completed")
    public DrawView compute(@PathParam("id") UUID id) {
        return draws.compute(id, user);
    }

    @POST
    @Path("/{id}/substitutions")
    @RolesAllowed(Roles.DEPARTMENT_HEAD)
    @Operation(summary = "Replace a recused or unavailable team member by the next eligible inspector in key order "
            + "(approved by you); appended, emits draw.substituted")
    public Response substitute(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") SubstitutionRequest request) {
        Substitution s = draws.substitute(id, request, user);
        return Response.status(201).entity(s).build();
    }

    @GET
    @Path("/{id}/pools/{stratum}")
    @RolesAllowed({Roles.WITNESS, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Produces(NDJSON)
    @Operation(summary = "A frozen stratum pool by its public id (S1…), roster's snapshot NDJSON with trailer; "
            + "confidential: the lines carry the risk class")
    public Response pool(@PathParam("id") UUID id, @PathParam("stratum") String stratum) {
        Map<String, Stratum> classes = DrawService.classes(draws.find(id));
        Stratum riskClass = classes.get(stratum);
        if (riskClass == null) {
            throw ProblemException.invalid("stratum", "'" + stratum + "' is not a stratum of draw " + id + "; its strata are "
                    + new TreeSet<>(classes.keySet()));
        }
        DrawStreams.PoolHeader header = streams.poolHeader(id, riskClass.name());
        return ndjson(w -> streams.writePool(id, riskClass.name(), header, w));
    }

    @GET
    @Path("/{id}/strata-map")
    @RolesAllowed({Roles.WITNESS, Roles.AUDITOR, Roles.PLATFORM_ADMIN, Roles.PLANNER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The confidential strata map (public stratum id → risk class, ratio, minimum) as canonical JSON; "
            + "its SHA-256 is the announcement's strataMapSha256")
    public Response strataMap(@PathParam("id") UUID id) {
        return Response.ok(draws.strataMap(id, user), MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
    }

    @GET
    @Path("/{id}/exclusions")
    @RolesAllowed({Roles.WITNESS, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Produces(NDJSON)
    @Operation(summary = "Exclusions with their precise reasons (confidential: the public announcement says RULE_LIMIT "
            + "for the rules' caps)")
    public Response exclusions(@PathParam("id") UUID id) {
        Map<String, Stratum> classes = DrawService.classes(draws.find(id));
        return ndjson(w -> streams.writeExclusions(id, classes, w));
    }

    @GET
    @Path("/{id}/inspectors")
    @RolesAllowed({Roles.WITNESS, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Produces(NDJSON)
    @Operation(summary = "The frozen candidate inspectors, one canonical line each, with trailer")
    public Response inspectors(@PathParam("id") UUID id) {
        draws.find(id);
        return ndjson(w -> streams.writeInspectors(id, w));
    }

    @GET
    @Path("/{id}/conflicts")
    @RolesAllowed({Roles.WITNESS, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Produces(NDJSON)
    @Operation(summary = "The frozen conflict matrix (confidential), with trailer")
    public Response conflicts(@PathParam("id") UUID id) {
        draws.find(id);
        return ndjson(w -> streams.writeConflicts(id, w));
    }

    @FunctionalInterface
    interface Body {
        void write(Writer w) throws java.io.IOException;
    }

    static Response ndjson(Body body) {
        StreamingOutput out = os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 64 * 1024);
            body.write(w);
            w.flush();
        };
        return Response.ok(out, NDJSON + ";charset=UTF-8").build();
    }
}
