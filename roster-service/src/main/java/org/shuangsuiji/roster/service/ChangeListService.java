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
 * append-only history tables, oldest first:
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

    private static final String CHANGES = """
            WITH member_changes AS (
                SELECT h.uscc, CASE h.change WHEN 'ADDED' THEN 'ADDED' ELSE 'REMOVED' END AS change, 'DIRECTORY' AS cause,
                       NULL::text AS before_value, NULL::text AS after_value, h.changed_at AS change_at, h.changed_by AS change_by, h.id AS seq
                FROM subject_directory_history h
                WHERE h.department_code = ?1 AND h.changed_at >= ?2 AND h.changed_at < ?3
            ), status_changes AS (
                SELECT x.uscc, CASE WHEN x.status = 'ACTIVE' THEN 'ADDED' ELSE 'REMOVED' END AS change, 'STATUS' AS cause,
                       x.before_value, x.status AS after_value, x.changed_at AS change_at, x.changed_by AS change_by, x.id AS seq
                FROM (SELECT st.*, (SELECT p.status FROM subject_status_history p
                                     WHERE p.uscc = st.uscc AND p.id < st.id ORDER BY p.id DESC LIMIT 1) AS before_value
                      FROM subject_status_history st WHERE st.changed_at >= ?2 AND st.changed_at < ?3) x
                WHERE x.before_value IS NOT NULL AND x.before_value <> x.status
                  AND (x.before_value = 'ACTIVE' OR x.status = 'ACTIVE')
            ), risk_changes AS (
                SELECT x.uscc, 'RECLASSIFIED' AS change, 'RISK_CLASS' AS cause, x.before_value, x.risk_class AS after_value,
                       x.recorded_at AS change_at, x.recorded_by AS change_by, x.id AS seq
                FROM (SELECT r.*, (SELECT p.risk_class FROM subject_risk_history p
                                    WHERE p.uscc = r.uscc AND p.id < r.id ORDER BY p.id DESC LIMIT 1) AS before_value
                      FROM subject_risk_history r WHERE r.recorded_at >= ?2 AND r.recorded_at < ?3) x
                WHERE x.before_value IS DISTINCT FROM x.risk_class
            ), all_changes AS (
                SELECT * FROM member_changes
                UNION ALL
                SELECT c.* FROM (SELECT * FROM status_changes UNION ALL SELECT * FROM risk_changes) c
                WHERE (SELECT m.change FROM subject_directory_history m
                        WHERE m.uscc = c.uscc AND m.department_code = ?1 AND m.changed_at <= c.change_at
                        ORDER BY m.changed_at DESC, m.id DESC LIMIT 1) = 'ADDED'
            )
            SELECT a.uscc, s.name, a.change, a.cause, a.before_value, a.after_value, a.change_at, a.change_by, count(*) OVER () AS total
            FROM all_changes a JOIN subject s ON s.uscc = a.uscc
            ORDER BY a.change_at, a.uscc, a.cause, a.seq
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
