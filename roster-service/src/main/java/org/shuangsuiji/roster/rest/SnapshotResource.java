package org.shuangsuiji.roster.rest;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.service.DepartmentService;
import org.shuangsuiji.roster.domain.RiskClass;
import org.shuangsuiji.roster.domain.SubjectKind;
import org.shuangsuiji.roster.domain.SubjectStatus;
import org.shuangsuiji.roster.service.PoolScope;
import org.shuangsuiji.roster.service.PoolSnapshotService;
import org.shuangsuiji.roster.service.PoolSnapshotService.PoolSubject;
import org.shuangsuiji.roster.service.PoolSnapshotService.Summary;

/**
 * Drawable pools for draw-service and witnesses: streamed in canonical order, ending with a trailer line that carries
 * the count and the SHA-256 (see README.md for the exact rule). Confidential (risk classes): no public access.
 */
@Path("/snapshots/subjects")
@Tag(name = "Pool snapshots for the draw")
public class SnapshotResource {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    private final PoolSnapshotService snapshots;
    private final DepartmentService departments;
    private final CurrentUser user;

    public SnapshotResource(PoolSnapshotService snapshots, DepartmentService departments, CurrentUser user) {
        this.snapshots = snapshots;
        this.departments = departments;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.WITNESS, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Produces({NDJSON, CSV})
    @Operation(summary = "Stream the drawable pool (ACTIVE subjects only) by USCC; last line {\"count\":N,\"sha256\":\"…\"}")
    public Response stream(@QueryParam("department") String department, @QueryParam("itemFamily") String itemFamily,
            @QueryParam("industry") String industry, @QueryParam("divisionPrefix") String divisionPrefix,
            @QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("tags") List<String> tags, @QueryParam("riskClasses") List<String> riskClasses,
            @QueryParam("format") String format) {
        PoolScope scope = scope(department, itemFamily, industry, divisionPrefix, kind, status, tags, riskClasses);
        boolean csv = format != null && format.equalsIgnoreCase("csv");
        if (format != null && !csv && !format.equalsIgnoreCase("ndjson")) {
            throw ProblemException.invalid("format", "must be ndjson or csv");
        }
        StreamingOutput body = out -> {
            if (csv) {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                w.write("uscc,name,kind,industryCode,divisionCode,riskClass,tags\n");
                Summary summary = snapshots.stream(scope, s -> {
                    w.write(csvLine(s));
                    w.write('\n');
                });
                w.write("# " + summary.trailer());
                w.write('\n');
                w.flush();
                return;
            }
            // the lines are written from PostgreSQL's bytes through the service's own buffer, with no per-row flush
            Summary summary = snapshots.streamJson(scope, out);
            out.write((summary.trailer() + "\n").getBytes(StandardCharsets.UTF_8));
        };
        return Response.ok(body, csv ? CSV + ";charset=UTF-8" : NDJSON + ";charset=UTF-8").build();
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.PLANNER, Roles.WITNESS, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Count and SHA-256 of the pool the same parameters would stream")
    public Summary summary(@QueryParam("department") String department, @QueryParam("itemFamily") String itemFamily,
            @QueryParam("industry") String industry, @QueryParam("divisionPrefix") String divisionPrefix,
            @QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("tags") List<String> tags, @QueryParam("riskClasses") List<String> riskClasses) {
        return snapshots.summary(scope(department, itemFamily, industry, divisionPrefix, kind, status, tags, riskClasses));
    }

    private PoolScope scope(String department, String itemFamily, String industry, String divisionPrefix,
            String kind, String status, List<String> tags, List<String> riskClasses) {
        if (status != null && !status.isBlank() && !status.equals(SubjectStatus.ACTIVE.name())) {
            throw ProblemException.invalid("status",
                    "only ACTIVE subjects are drawable; DEREGISTERED, REVOKED and MOVED_OUT never are");
        }
        if (industry != null && !industry.isBlank() && !industry.matches("[A-T][0-9]{0,4}")) {
            throw ProblemException.invalid("industry", "must be a GB/T 4754 prefix: a section letter A-T and up to 4 digits");
        }
        if (divisionPrefix != null && !divisionPrefix.isBlank() && !divisionPrefix.matches("[0-9]{1,6}")) {
            throw ProblemException.invalid("divisionPrefix", "must be 1-6 digits");
        }
        SubjectKind parsedKind = kind == null || kind.isBlank() ? null
                : parse("kind", kind, SubjectKind::valueOf, "ENTERPRISE, INDIVIDUAL, COOPERATIVE or OTHER");
        List<String> tagCodes = split(tags);
        for (String t : tagCodes) {
            if (!t.matches(SubjectRules.TAG)) {
                throw ProblemException.invalid("tags", "'" + t + "' " + SubjectRules.TAG_MESSAGE);
            }
        }
        List<RiskClass> classes = new ArrayList<>();
        for (String r : split(riskClasses)) {
            classes.add(parse("riskClasses", r, RiskClass::valueOf, "A, B, C or D"));
        }
        departments.requireReadable(blankToNull(department), user);
        return new PoolScope(blankToNull(department), blankToNull(itemFamily), blankToNull(industry),
                blankToNull(divisionPrefix), parsedKind, tagCodes, classes);
    }

    /** {@code ?tags=A,B} and {@code ?tags=A&tags=B} mean the same. */
    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank() && !out.contains(part.trim())) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    private static <T> T parse(String field, String value, Function<String, T> f, String allowed) {
        return SubjectResource.parse(field, value, f, allowed);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String csvLine(PoolSubject s) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("uscc", s.uscc());
        cells.put("name", s.name());
        cells.put("kind", s.kind().name());
        cells.put("industryCode", s.industryCode());
        cells.put("divisionCode", s.divisionCode());
        cells.put("riskClass", s.riskClass() == null ? "" : s.riskClass().name());
        cells.put("tags", String.join(";", s.tags()));
        StringBuilder sb = new StringBuilder();
        for (String v : cells.values()) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(csvCell(v));
        }
        return sb.toString();
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets never run a cell as a formula. */
    static String csvCell(String v) {
        if (v == null) {
            return "";
        }
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
