package org.shuangsuiji.commons.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.shuangsuiji.commons.problem.ProblemException;

/**
 * Persists and flushes at once, so that a concurrent request that slipped past an existence check gets a 409
 * instead of a 500 when PostgreSQL refuses the duplicate key (SQLSTATE 23505). The transaction still rolls back.
 */
public final class UniqueKeys {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueKeys() {}

    public static void persist(PanacheEntityBase entity, String slug, String detail) {
        try {
            entity.persistAndFlush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw ProblemException.conflict(slug, detail);
                }
            }
            throw e;
        }
    }
}
