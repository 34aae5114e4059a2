package org.shuangsuiji.roster.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.commons.problem.Problem;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.roster.config.RosterConfig;
import org.shuangsuiji.roster.domain.RiskClass;
import org.shuangsuiji.roster.domain.Subject;
import org.shuangsuiji.roster.domain.Uscc;

/**
 * The credit-risk class feed (企业信用风险分类结果, e.g. the market regulator's periodic classification): one request
 * replaces the classes of many subjects in ONE transaction. A malformed row (bad USCC, unknown class, a USCC twice)
 * rejects the whole feed with every row named; USCCs not in the directory are skipped and reported; a feed older than
 * a subject's current class ({@code asOf} before the stored as-of date) does not overwrite it (reported as stale).
 * Every subject whose class, as-of date or source changes gets a history row and a
 * {@code roster.subject.risk-class-changed} event.
 */
@ApplicationScoped
public class RiskFeedService {

    /** Rows named in an answer; counts are always complete. */
    static final int LISTED = 1000;
    private static final int CHUNK = 500;

    private final Outbox outbox;
    private final RosterConfig config;

    public RiskFeedService(Outbox outbox, RosterConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** One row of a feed; {@code row} is what errors name (the CSV line, or the JSON entry index). */
    public record FeedRow(String row, String uscc, String riskClass, String problemField, String problem) {

        public FeedRow(String row, String uscc, String riskClass) {
            this(row, uscc, riskClass, null, null);
        }
    }

    public record RowIssue(String row, String uscc, String reason) {}

    public record Result(UUID feedId, String source, LocalDate asOf, int rows, int changed, int unchanged, int unknown,
            int stale, List<RowIssue> issues, boolean issuesTruncated) {}

    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Result apply(String source, LocalDate asOf, Iterator<FeedRow> feed, CurrentUser user) {
        UUID feedId = UUID.randomUUID();
        OffsetDateTime now = InspectorService.now();
        EntityManager em = Subject.getEntityManager();
        em.createNativeQuery("""
                INSERT INTO risk_feed (id, source, as_of, received_by, received_at, row_count, changed, unchanged, unknown, stale)
                VALUES (?1, ?2, ?3, ?4, ?5, 0, 0, 0, 0, 0)""")
                .setParameter(1, feedId).setParameter(2, source).setParameter(3, asOf).setParameter(4, user.name())
                .setParameter(5, now).executeUpdate();
        List<Problem.FieldError> errors = new ArrayList<>();
        int errorCount = 0;
        Set<String> seen = new HashSet<>();
        List<FeedRow> chunk = new ArrayList<>(CHUNK);
        int[] counts = new int[5]; // rows, changed, unchanged, unknown, stale
        List<RowIssue> issues = new ArrayList<>();
        while (feed.hasNext()) {
            FeedRow r = feed.next();
            counts[0]++;
            String problemField = null;
            String reason = null;
            if (r.problem() != null) {
                problemField = r.problemField();
                reason = r.problem();
            } else if (r.uscc() == null || Uscc.problem(r.uscc()).isPresent()) {
                problemField = "uscc";
                reason = r.uscc() == null ? "is required" : Uscc.problem(r.uscc()).get();
            } else if (r.riskClass() == null || !r.riskClass().matches("[ABCD]")) {
                problemField = "riskClass";
                reason = "'" + r.riskClass() + "' is not one of A, B, C or D";
            } else if (!seen.add(r.uscc())) {
                problemField = "uscc";
                reason = r.uscc() + " appears more than once in the feed";
            }
            if (reason != null) {
                if (errorCount++ < LISTED) {
                    errors.add(new Problem.FieldError(r.row() + "." + problemField, reason));
                }
                continue;
            }
            if (errorCount == 0) {
                chunk.add(r);
                if (chunk.size() == CHUNK) {
                    applyChunk(chunk, source, asOf, feedId, user, now, counts, issues);
                    chunk.clear();
                }
            }
        }
        if (errorCount > 0) {
            throw new ProblemException(400, "invalid-feed", "Invalid input", errorCount
                    + " row(s) of the feed are malformed; nothing was changed" + (errorCount > LISTED ? " (the first "
                    + LISTED + " are listed)" : ""), errors);
        }
        if (counts[0] == 0) {
            throw ProblemException.invalid("entries", "the feed holds no rows");
        }
        applyChunk(chunk, source, asOf, feedId, user, now, counts, issues);
        em.createNativeQuery("UPDATE risk_feed SET row_count = ?2, changed = ?3, unchanged = ?4, unknown = ?5, stale = ?6 WHERE id = ?1")
                .setParameter(1, feedId).setParameter(2, counts[0]).setParameter(3, counts[1])
                .setParameter(4, counts[2]).setParameter(5, counts[3]).setParameter(6, counts[4]).executeUpdate();
        return new Result(feedId, source, asOf, counts[0], counts[1], counts[2], counts[3], counts[4], issues,
                counts[3] + counts[4] > issues.size());
    }

    private void applyChunk(List<FeedRow> chunk, String source, LocalDate asOf, UUID feedId, CurrentUser user,
            OffsetDateTime now, int[] counts, List<RowIssue> issues) {
        if (chunk.isEmpty()) {
            return;
        }
        EntityManager em = Subject.getEntityManager();
        Map<String, Subject> found = new HashMap<>();
        for (Subject s : Subject.<Subject>list("uscc IN ?1", chunk.stream().map(FeedRow::uscc).toList())) {
            found.put(s.uscc, s);
        }
        List<Subject> changed = new ArrayList<>();
        for (FeedRow r : chunk) {
            Subject s = found.get(r.uscc());
            if (s == null) {
                counts[3]++;
                note(issues, new RowIssue(r.row(), r.uscc(), "not in the directory"));
                continue;
            }
            RiskClass risk = RiskClass.valueOf(r.riskClass());
            if (s.riskAsOf != null && asOf.isBefore(s.riskAsOf)) {
                counts[4]++;
                note(issues, new RowIssue(r.row(), r.uscc(), "stale: the subject's class " + s.riskClass + " is as of "
                        + s.riskAsOf + ", later than this feed"));
                continue;
            }
            if (risk == s.riskClass && asOf.equals(s.riskAsOf) && source.equals(s.riskSource)) {
                counts[2]++;
                continue;
            }
            s.riskClass = risk;
            s.riskAsOf = asOf;
            s.riskSource = source;
            s.updatedBy = user.name();
            s.updatedAt = now;
            changed.add(s);
            counts[1]++;
        }
        em.flush(); // stores the new revisions the events carry
        for (Subject s : changed) {
            SubjectHistory.riskRecorded(s, user.name(), now, feedId);
            outbox.publish(config.eventsTopic(), s.uscc, SubjectState.RISK_CLASS_CHANGED, SubjectState.SCHEMA_VERSION,
                    SubjectState.of(s));
        }
        em.flush();
        em.clear(); // memory stays flat over large feeds
    }

    private static void note(List<RowIssue> issues, RowIssue issue) {
        if (issues.size() < LISTED) {
            issues.add(issue);
        }
    }
}
