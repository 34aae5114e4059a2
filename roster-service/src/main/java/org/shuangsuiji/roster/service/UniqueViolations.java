package org.shuangsuiji.roster.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.shuangsuiji.commons.problem.ProblemException;

/**
 * Persists and flushes at once, so that a concurrent request that slipped past the existence check gets a 409
 * instead of a 500 when PostgreSQL refuses the duplicate key (SQLSTATE 23505). The transaction still rolls back.
 */
final class UniqueViolations {

    private UniqueViolations() {}

    static void persist(PanacheEntityBase entity, String slug, String detail) {
        try {
            entity.persistAndFlush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw ProblemException.conflict(slug, detail);
                }
            }
            throw e;
        }
    }
}
