package org.shuangsuiji.roster.service;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.shuangsuiji.roster.domain.Subject;

/**
 * Appends to the subject history tables (risk classes, directory membership, status) inside the caller's
 * transaction. Rows are never updated or deleted: change lists and risk histories are read from them.
 */
final class SubjectHistory {

    private SubjectHistory() {}

    static void risk(Subject s, String by, OffsetDateTime at, UUID feedId) {
        em().createNativeQuery("""
                INSERT INTO subject_risk_history (uscc, risk_class, as_of, source, recorded_by, recorded_at, feed_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, s.uscc).setParameter(2, s.riskClass.name()).setParameter(3, s.riskAsOf)
                .setParameter(4, s.riskSource).setParameter(5, by).setParameter(6, at).setParameter(7, feedId)
                .executeUpdate();
    }

    static void directory(String uscc, String department, boolean added, String by, OffsetDateTime at) {
        em().createNativeQuery("""
                INSERT INTO subject_directory_history (uscc, department_code, change, changed_by, changed_at)
                VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, uscc).setParameter(2, department).setParameter(3, added ? "ADDED" : "REMOVED")
                .setParameter(4, by).setParameter(5, at).executeUpdate();
    }

    static void status(Subject s, String by, OffsetDateTime at) {
        em().createNativeQuery("""
                INSERT INTO subject_status_history (uscc, status, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, s.uscc).setParameter(2, s.status.name()).setParameter(3, by).setParameter(4, at)
                .executeUpdate();
    }

    private static EntityManager em() {
        return Subject.getEntityManager();
    }
}
