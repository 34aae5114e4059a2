package org.shuangsuiji.draw.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.draw.domain.SubjectScope;
import org.shuangsuiji.draw.service.ReadModelQueries;

/** Lets planners and witnesses check, before announcing, that draw-service's copy of a pool equals roster's. */
@Path("/read-models")
@Tag(name = "Read models (ADR 0009)")
public class ReadModelResource {

    private final ReadModelQueries queries;

    public ReadModelResource(ReadModelQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/subjects/summary")
    @RolesAllowed({Roles.PLANNER, Roles.WITNESS, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Count and SHA-256 of draw-service's copy of a pool: compare with roster's /snapshots/subjects/summary")
    public ReadModelQueries.Summary subjects(@QueryParam("department") String department,
            @QueryParam("itemFamily") String itemFamily, @QueryParam("industry") String industry,
            @QueryParam("divisionPrefix") String divisionPrefix, @QueryParam("kind") String kind,
            @QueryParam("tags") List<String> tags, @QueryParam("riskClasses") List<String> riskClasses) {
        if (department == null || department.isBlank()) {
            throw ProblemException.invalid("department", "is required: pools are drawn from a department's directory");
        }
        List<String> classes = split(riskClasses);
        for (String c : classes) {
            if (!c.matches("[ABCD]")) {
                throw ProblemException.invalid("riskClasses", "'" + c + "' is not one of A, B, C or D");
            }
        }
        return queries.subjects(new SubjectScope(department, blank(itemFamily), blank(industry), blank(divisionPrefix),
                blank(kind), split(tags)), classes);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String p : v.split(",")) {
                    if (!p.isBlank()) {
                        out.add(p.trim());
                    }
                }
            }
        }
        return out;
    }
}
