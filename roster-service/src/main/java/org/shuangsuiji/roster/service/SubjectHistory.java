package org.shuangsuiji.roster.service;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.shuangsuiji.roster.domain.Subject;

/**
 * Appends one {@code subject_history} row per change of a subject's status, directories or credit-risk class inside
 * the caller's transaction: the stored state after the change (ADR 0016). Rows are never updated or deleted; change
 * lists compare a row with the subject's previous one, the risk history lists the rows that recorded a class.
 */
final class SubjectHistory {

    private SubjectHistory() {}

    /** A change of status or directories. */
    static void changed(Subject s, String by, OffsetDateTime at) {
        append(s, false, by, at, null);
    }

    /** A change that recorded a class (from {@code feedId}, or by hand when null); also a creation with a class. */
    static void riskRecorded(Subject s, String by, OffsetDateTime at, UUID feedId) {
        append(s, true, by, at, feedId);
    }

    private static void append(Subject s, boolean riskRecorded, String by, OffsetDateTime at, UUID feedId) {
        EntityManager em = Subject.getEntityManager();
        em.flush(); // the row copies the subject's stored state
        em.createNativeQuery("""
                INSERT INTO subject_history (uscc, status, departments, risk_class, risk_as_of, risk_source,
                                             risk_recorded, changed_by, changed_at, feed_id)
                SELECT uscc, status, departments, risk_class, risk_as_of, risk_source, ?2, ?3, ?4, ?5
                FROM subject WHERE uscc = ?1""")
                .setParameter(1, s.uscc).setParameter(2, riskRecorded).setParameter(3, by).setParameter(4, at)
                .setParameter(5, feedId).executeUpdate();
    }
}
