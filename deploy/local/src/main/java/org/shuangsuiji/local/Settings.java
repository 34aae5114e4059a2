package org.shuangsuiji.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a platform run keeps its data and which ports it uses. {@link #local} is the developer's persistent run on
 * the fixed, documented ports; {@link #ephemeral} is a throw-away run on free ports (the end-to-end test), so both can
 * run side by side.
 */
public record Settings(
        Path repoRoot,
        Path runDir,
        boolean persistent,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        int keycloakManagementPort,
        Path keycloakHome,
        Map<String, Integer> servicePorts,
        Duration keycloakTimeout,
        Duration serviceTimeout) {

    public static final String REALM = "shuangsuiji";
    public static final String PUBLIC_CLIENT = "platform-web";

    /** The developer's run: data under {@code .local-run/} at the repo root, fixed ports. */
    public static Settings local(Path repoRoot) {
        Path runDir = repoRoot.resolve(".local-run");
        Map<String, Integer> ports = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(s -> ports.put(s.name(), s.localPort()));
        return new Settings(repoRoot, runDir, true, 15432, 9092, 9093, 8180, 8190,
                runDir.resolve("keycloak"), ports, Duration.ofMinutes(5), Duration.ofMinutes(3));
    }

    /**
     * A run on free ports with its data in {@code runDir} (deleted by the caller). Keycloak's home is separate so that
     * its one-off build step (about a minute) can be reused across runs; it keeps no state there (in-memory DB).
     */
    public static Settings ephemeral(Path repoRoot, Path runDir, Path keycloakHome) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(s -> ports.put(s.name(), freePort()));
        return new Settings(repoRoot, runDir, false, freePort(), freePort(), freePort(), freePort(), freePort(),
                keycloakHome, ports, Duration.ofMinutes(6), Duration.ofMinutes(4));
    }

    public Path logsDir() {
        return runDir.resolve("logs");
    }

    public int port(String service) {
        return servicePorts.get(service);
    }

    public String serviceUrl(String service) {
        return "http://localhost:" + port(service);
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public String realmUrl() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    /** A free port for a throw-away run; see {@link FreePorts} for why not {@code new ServerSocket(0)}. */
    public static int freePort() {
        return FreePorts.next();
    }

    /** What the build wrote into local-launcher.properties (paths into target/, versions). */
    public static Properties build() {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/local-launcher.properties")) {
            if (in == null) {
                throw new IllegalStateException("local-launcher.properties missing: build deploy/local with Maven first");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The repository root: -Dlocal.repoRoot, else the build's, else the working directory or a parent of it. */
    public static Path findRepoRoot() {
        String explicit = System.getProperty("local.repoRoot");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("deploy/local"))) {
                return p;
            }
        }
        String built = build().getProperty("repo.root");
        if (built != null && Files.isDirectory(Path.of(built, "deploy/local"))) {
            return Path.of(built);
        }
        throw new IllegalStateException("cannot find the repository root; run from it or pass -Dlocal.repoRoot=...");
    }
}
