package org.shuangsuiji.commons.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL (zonky's embedded binaries) on a random port, started before Quarkus boots. One server per test
 * JVM, i.e. per service module, so each service gets a database of its own. Shared by all test classes of the
 * module (Quarkus starts the application once for them); Flyway migrates it when the application starts.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            try {
                // the local platform's setting (deploy/local PostgresServer, ADR 0014), so the database benchmarks
                // run on the server profile the platform runs on; untouched pages cost no memory
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("shared_buffers", System.getenv().getOrDefault("SSJ_PG_SHARED_BUFFERS", "1GB"))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    public static String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** Called once Quarkus has stopped; a later restart with another test profile starts a fresh server. */
    @Override
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
            }
            postgres = null;
        }
    }
}
