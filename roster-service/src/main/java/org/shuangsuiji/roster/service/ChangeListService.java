package org.shuangsuiji.roster.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.roster.domain.Subject;

/**
 * 增减清单: what changed in one department's directory between two dates (both inclusive, China time), read from the
 * append-only subject history, oldest first:
 * <ul>
 *   <li>{@code ADDED} — the subject joined the directory ({@code cause} DIRECTORY), or a subject in it became ACTIVE
 *       again (STATUS);</li>
 *   <li>{@code REMOVED} — it left the directory (DIRECTORY), or a subject in it stopped being ACTIVE: 注销, 吊销, 迁出
 *       (STATUS, {@code after} names the status);</li>
 *   <li>{@code RECLASSIFIED} — a subject in it got a different credit-risk class (RISK_CLASS; {@code before} is null
 *       for a first classification).</li>
 * </ul>
 * "In the directory" is judged at the moment of each change, so a subject that left before a status change does not
 * appear for it. A subject added and removed inside the range appears twice: the list is a log, not a net balance.
 */
@ApplicationScoped
public class ChangeListService {

    public record Entry(String uscc, String name, String change, String cause, String before, String after,
            OffsetDateTime at, String by) {}

    /*
     * Each history row holds the subject's status, directories and class after one change; the row before it (same
     * subject, lower id) holds them before. Only rows whose subject was in the directory before or after count.
     */
    private static final String CHANGES = """
            WITH steps AS (
                SELECT h.uscc, h.id, h.status, h.departments, h.risk_class, h.risk_recorded, h.changed_at, h.changed_by,
                       p.uscc IS NOT NULL AS had_before, p.status AS status_before, p.departments AS departments_before,
                       p.risk_class AS risk_before
                FROM subject_history h
                LEFT JOIN LATERAL (SELECT q.uscc, q.status, q.departments, q.risk_class FROM subject_history q
                                   WHERE q.uscc = h.uscc AND q.id < h.id ORDER BY q.id DESC LIMIT 1) p ON true
                WHERE h.changed_at >= ?2 AND h.changed_at < ?3
                  AND (?1 = ANY (h.departments) OR ?1 = ANY (p.departments))
            ), all_changes AS (
                SELECT uscc, CASE WHEN ?1 = ANY (departments) THEN 'ADDED' ELSE 'REMOVED' END AS change,
                       'DIRECTORY' AS cause, NULL::text AS before_value, NULL::text AS after_value, changed_at, changed_by, id
                FROM steps WHERE (?1 = ANY (departments)) IS DISTINCT FROM (had_before AND ?1 = ANY (departments_before))
                UNION ALL
                SELECT uscc, CASE WHEN status = 'ACTIVE' THEN 'ADDED' ELSE 'REMOVED' END, 'STATUS', status_before,
                       status, changed_at, changed_by, id
                FROM steps WHERE ?1 = ANY (departments) AND had_before AND status_before <> status
                                 AND (status_before = 'ACTIVE' OR status = 'ACTIVE')
                UNION ALL
                SELECT uscc, 'RECLASSIFIED', 'RISK_CLASS', risk_before, risk_class, changed_at, changed_by, id
                FROM steps WHERE ?1 = ANY (departments) AND risk_recorded AND risk_before IS DISTINCT FROM risk_class
            )
            SELECT a.uscc, s.name, a.change, a.cause, a.before_value, a.after_value, a.changed_at, a.changed_by, count(*) OVER () AS total
            FROM all_changes a JOIN subject s ON s.uscc = a.uscc
            ORDER BY a.changed_at, a.uscc, a.cause, a.id
            OFFSET ?4 LIMIT ?5""";

    @Transactional
    public Page<Entry> list(String department, LocalDate from, LocalDate to, PageRequest page) {
        OffsetDateTime start = from.atStartOfDay(InspectorService.CHINA).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(InspectorService.CHINA).toOffsetDateTime();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Subject.getEntityManager().createNativeQuery(CHANGES)
                .setParameter(1, department).setParameter(2, start).setParameter(3, end)
                .setParameter(4, page.offset()).setParameter(5, page.size())
                .getResultList();
        long total = rows.isEmpty() ? countAll(department, start, end, page) : ((Number) rows.get(0)[8]).longValue();
        List<Entry> entries = rows.stream().map(r -> new Entry((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], RiskHistoryEntry.offsetDateTime(r[6]), (String) r[7])).toList();
        return new Page<>(entries, page.page(), page.size(), total);
    }

    /** A page past the end still reports the total. */
    private long countAll(String department, OffsetDateTime start, OffsetDateTime end, PageRequest page) {
        if (page.page() == 0) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> first = Subject.getEntityManager().createNativeQuery(CHANGES)
                .setParameter(1, department).setParameter(2, start).setParameter(3, end)
                .setParameter(4, 0).setParameter(5, 1).getResultList();
        return first.isEmpty() ? 0 : ((Number) first.get(0)[8]).longValue();
    }
}
