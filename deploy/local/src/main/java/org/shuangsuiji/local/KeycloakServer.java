package org.shuangsuiji.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Keycloak from its Maven Central distribution ({@code org.keycloak:keycloak-quarkus-dist}, tar.gz, copied to
 * target/keycloak-dist by the build), unpacked once into a home directory of its own and run with
 * {@code kc.sh start-dev --import-realm} on an in-memory database: every start imports
 * deploy/keycloak/shuangsuiji-realm.json afresh, so the realm file is the single source of truth. The first start in a
 * home runs Keycloak's build step (about a minute); later starts reuse it.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final ChildProcess process;

    private KeycloakServer(ChildProcess process) {
        this.process = process;
    }

    public static KeycloakServer launch(Path home, Path realmJson, int port, int managementPort, Path log) {
        install(home);
        try {
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Files.copy(realmJson, importDir.resolve(realmJson.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path javaHome = Jdks.atLeast(17, "Keycloak");
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        List<String> command = List.of("sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false",
                "--db=dev-mem",
                "--import-realm");
        return new KeycloakServer(ChildProcess.start("keycloak", command, env, home, log));
    }

    public void awaitReady(String realmUrl, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        URI discovery = URI.create(realmUrl + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            process.checkAlive();
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + process.log());
            }
            ChildProcess.sleep(1000);
        }
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

    /** Unpacks the distribution into {@code home} unless this version is already there. */
    static synchronized void install(Path home) {
        String version = Settings.build().getProperty("keycloak.version");
        Path marker = home.resolve(".installed-" + version);
        if (Files.exists(marker)) {
            return;
        }
        Path dist = Path.of(Settings.build().getProperty("keycloak.dist"));
        if (!Files.isRegularFile(dist)) {
            throw new IllegalStateException("Keycloak distribution missing at " + dist + "; build deploy/local first");
        }
        try {
            if (Files.exists(home)) {
                deleteTree(home);
            }
            Files.createDirectories(home);
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(dist), 1 << 16));
                    TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String name = entry.getName();
                    int slash = name.indexOf('/');
                    if (slash < 0 || slash == name.length() - 1) {
                        continue; // the top directory itself
                    }
                    Path target = home.resolve(name.substring(slash + 1)).normalize();
                    if (!target.startsWith(home)) {
                        throw new IOException("bad entry " + name);
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isFile()) {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        if ((entry.getMode() & 0100) != 0) {
                            target.toFile().setExecutable(true, false);
                        }
                    }
                }
            }
            Files.writeString(marker, version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + dist + " into " + home, e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
