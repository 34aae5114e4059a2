package org.shuangsuiji.roster.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.service.DepartmentService;
import org.shuangsuiji.roster.domain.InspectorKind;
import org.shuangsuiji.roster.service.InspectorPoolService;
import org.shuangsuiji.roster.service.InspectorPoolService.Summary;

/** Eligible inspectors as of a date, for drawing teams; carries confidential conflicts, never public. */
@Path("/snapshots/inspectors")
@Tag(name = "Pool snapshots for the draw")
public class InspectorSnapshotResource {

    private final InspectorPoolService pools;
    private final ObjectMapper mapper;
    private final DepartmentService departments;
    private final CurrentUser user;

    public InspectorSnapshotResource(InspectorPoolService pools, ObjectMapper mapper, DepartmentService departments,
            CurrentUser user) {
        this.pools = pools;
        this.mapper = mapper;
        this.departments = departments;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.WITNESS, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Produces(SnapshotResource.NDJSON)
    @Operation(summary = "Stream the inspectors eligible on asOf..until by id; last line {\"count\":N,\"sha256\":\"…\","
            + "\"conflicts\":M,\"conflictsSha256\":\"…\"}")
    public Response stream(@QueryParam("asOf") String asOf, @QueryParam("until") String until,
            @QueryParam("department") String department,
            @QueryParam("kind") String kind, @QueryParam("regionPrefix") String regionPrefix,
            @QueryParam("expertise") List<String> expertise) {
        InspectorPoolService.Scope scope = scope(asOf, until, department, kind, regionPrefix, expertise);
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            Summary summary = pools.stream(scope, i -> {
                w.write(mapper.writeValueAsString(i));
                w.write('\n');
            });
            w.write(summary.trailer());
            w.write('\n');
            w.flush();
        };
        return Response.ok(body, SnapshotResource.NDJSON + ";charset=UTF-8").build();
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.PLANNER, Roles.WITNESS, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Summary summary(@QueryParam("asOf") String asOf, @QueryParam("until") String until,
            @QueryParam("department") String department,
            @QueryParam("kind") String kind, @QueryParam("regionPrefix") String regionPrefix,
            @QueryParam("expertise") List<String> expertise) {
        return pools.summary(scope(asOf, until, department, kind, regionPrefix, expertise));
    }

    private InspectorPoolService.Scope scope(String asOf, String until, String department, String kind, String regionPrefix,
            List<String> expertise) {
        if (asOf == null || asOf.isBlank()) {
            throw ProblemException.invalid("asOf", "is required (YYYY-MM-DD): eligibility depends on the date");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf", "must be a date YYYY-MM-DD");
        }
        LocalDate last = date;
        if (until != null && !until.isBlank()) {
            try {
                last = LocalDate.parse(until);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("until", "must be a date YYYY-MM-DD");
            }
            if (last.isBefore(date)) {
                throw ProblemException.invalid("until", "must not be before asOf");
            }
        }
        if (regionPrefix != null && !regionPrefix.isBlank() && !regionPrefix.matches("[0-9]{1,6}")) {
            throw ProblemException.invalid("regionPrefix", "must be 1-6 digits");
        }
        List<String> tags = new ArrayList<>();
        if (expertise != null) {
            for (String v : expertise) {
                for (String t : v.split(",")) {
                    if (t.isBlank()) {
                        continue;
                    }
                    if (!t.trim().matches(SubjectRules.TAG)) {
                        throw ProblemException.invalid("expertise", "'" + t + "' " + SubjectRules.TAG_MESSAGE);
                    }
                    tags.add(t.trim());
                }
            }
        }
        departments.requireReadable(department == null || department.isBlank() ? null : department, user);
        return new InspectorPoolService.Scope(date, last, department == null || department.isBlank() ? null : department,
                SubjectResource.parse("kind", kind, InspectorKind::valueOf, "OFFICER or EXPERT"),
                regionPrefix == null || regionPrefix.isBlank() ? null : regionPrefix, tags);
    }
}
