package org.shuangsuiji.roster.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.importing.TabularFile;
import org.shuangsuiji.roster.service.RiskFeedService;
import org.shuangsuiji.roster.service.RiskFeedService.FeedRow;

/** The credit-risk class feed: many subjects' classes replaced in one transaction, with source and as-of date. */
@Path("/risk-feeds")
@Tag(name = "Subjects (检查对象名录库)")
public class RiskFeedResource {

    private final RiskFeedService feeds;
    private final CurrentUser user;

    public RiskFeedResource(RiskFeedService feeds, CurrentUser user) {
        this.feeds = feeds;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Apply a classification batch {source, asOf, entries:[{uscc, riskClass}]} in one transaction")
    public RiskFeedService.Result json(@Valid @NotNull(message = "a JSON body is required") RiskFeedRequest request) {
        List<FeedRow> rows = new ArrayList<>(request.entries().size());
        for (int i = 0; i < request.entries().size(); i++) {
            RiskFeedRequest.Entry e = request.entries().get(i);
            rows.add(e == null ? new FeedRow("entries[" + i + "]", null, null, "uscc", "is required")
                    : new FeedRow("entries[" + i + "]", e.uscc(), e.riskClass()));
        }
        return feeds.apply(request.source(), request.asOf(), rows.iterator(), user);
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Apply a classification batch as CSV (header uscc,riskClass; UTF-8 or charset=GBK) with"
            + " ?source=&asOf= in one transaction")
    public RiskFeedService.Result csv(@QueryParam("source") String source, @QueryParam("asOf") String asOf,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws IOException {
        if (source == null || source.isBlank()) {
            throw ProblemException.invalid("source", "is required, e.g. 山西省市场监管局 2024Q2 企业信用风险分类");
        }
        if (source.length() > 200) {
            throw ProblemException.invalid("source", "must be at most 200 characters");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(asOf == null ? "" : asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf", "is required (YYYY-MM-DD)");
        }
        java.nio.file.Path file = Files.createTempFile("risk-feed-", ".csv");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            try (TabularFile table = TabularFile.open(file, TabularFile.Format.CSV, contentType, List.of("uscc", "riskClass"),
                    List.of())) {
                Iterator<FeedRow> rows = new Iterator<>() {
                    TabularFile.Row next = table.next();

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public FeedRow next() {
                        TabularFile.Row r = next;
                        try {
                            next = table.next();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        String label = "row " + r.row();
                        if (r.problem() != null) {
                            return new FeedRow(label, null, null, r.problemField(), r.problem());
                        }
                        return new FeedRow(label, r.get("uscc"), r.get("riskClass"));
                    }
                };
                return feeds.apply(source, date, rows, user);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
