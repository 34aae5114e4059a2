package org.shuangsuiji.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;

/**
 * A real PostgreSQL 17 (zonky's binaries, from Maven Central) with its data directory where we say, kept across
 * restarts, and one database per service.
 *
 * <p>Running as root: PostgreSQL refuses to run as root. zonky 2.2.2 deals with it itself: when the JVM's uid is 0 and
 * {@code unshare -U id -u} works (util-linux installed, user namespaces allowed) it runs initdb/pg_ctl inside
 * {@code unshare -U}, an unmapped user namespace where the process is uid 65534 ("nobody"); files it writes are still
 * owned by real root on disk, which inside the namespace shows as that same overflow uid, so PostgreSQL's owner
 * checks pass. {@link #checkRootSupport()} turns the failure mode (root without working unshare) into a clear message.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    public static PostgresServer start(Path dataDir, int port, Path log, Collection<String> databases) {
        checkRootSupport();
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(log.getParent());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false) // initdb only when postgresql.conf is missing: data survives
                    .setPort(port)
                    .setRegisterShutdownHook(false) // the launcher stops it, after the services
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    // PostgreSQL's 128 MB default holds less than one service's working set at province scale (a
                    // million subjects and their history are ~1.5 GB): an import then evicts and rewrites its own
                    // pages. 1 GB of a 24 GB machine, as for any server of this size (docs/operations.md).
                    .setServerConfig("shared_buffers", System.getenv().getOrDefault("SSJ_PG_SHARED_BUFFERS", "1GB"))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            PostgresServer server = new PostgresServer(pg, port);
            server.createDatabases(databases);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir + " (see " + log + ")", e);
        }
    }

    /** Root needs a working {@code unshare -U} (see the class comment); say so before zonky fails obscurely. */
    static void checkRootSupport() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        try {
            Process p = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0 && !out.equals("0")) {
                return;
            }
            throw new IllegalStateException("running as root and `unshare -U` does not work (" + out + ")");
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and the workaround (`unshare -U`, from "
                    + "util-linux) is not available: install util-linux, allow user namespaces "
                    + "(sysctl user.max_user_namespaces>0), or run as a non-root user", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void createDatabases(Collection<String> databases) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres")) {
            for (String db : databases) {
                try (PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    q.setString(1, db);
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("create database \"" + db + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the service databases", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e);
        }
    }
}
