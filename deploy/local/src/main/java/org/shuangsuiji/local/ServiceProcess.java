package org.shuangsuiji.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One packaged service ({@code <module>/target/<module>-<version>-runner.jar}) in a JVM of its own. */
public final class ServiceProcess implements AutoCloseable {

    private final ServiceSpec spec;
    private final int port;
    private final ChildProcess process;
    private final ClassDataArchive classData;

    private ServiceProcess(ServiceSpec spec, int port, ChildProcess process, ClassDataArchive classData) {
        this.spec = spec;
        this.port = port;
        this.process = process;
        this.classData = classData;
    }

    /** The uber-jar: one class path the JDK's class-data sharing can archive whole (see ClassDataArchive). */
    public static Path jar(Path repoRoot, ServiceSpec spec) {
        Path target = repoRoot.resolve(spec.name()).resolve("target");
        try (DirectoryStream<Path> runners = Files.newDirectoryStream(target, "*-runner.jar")) {
            for (Path runner : runners) {
                return runner;
            }
        } catch (IOException noTargetYet) {
            // reported below like a missing jar
        }
        return target.resolve(spec.name() + "-runner.jar");
    }

    /** Heap, collector and compiler options (docs/operations.md): C1 alone unless the service needs C2. */
    static List<String> jvmOptions(ServiceSpec spec) {
        List<String> options = new ArrayList<>(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"));
        if (!spec.optimisingCompiler()) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        return options;
    }

    public static ServiceProcess launch(Settings settings, ServiceSpec spec) {
        Path jar = jar(settings.repoRoot(), spec);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " missing: build first (./mvnw -DskipTests install)");
        }
        int port = settings.port(spec.name());
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", settings.jdbcUrl(spec.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", settings.realmUrl());
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"); // plain text in .local-run/logs
        List<String> command = new ArrayList<>();
        command.add(Jdks.java(Jdks.currentJavaHome()).toString());
        command.addAll(jvmOptions(spec));
        // Only the developer's persistent run keeps archives; a throw-away run would pay for a dump it never uses.
        ClassDataArchive classData = settings.persistent()
                ? ClassDataArchive.forJar(settings.runDir().resolve("cds"), spec.name(), jar)
                : null;
        if (classData != null) {
            command.addAll(classData.jvmOptions());
        }
        command.addAll(List.of("-jar", jar.toString()));
        Path log = settings.logsDir().resolve(spec.name() + ".log");
        return new ServiceProcess(spec, port, ChildProcess.start(spec.name(), command, env,
                jar.getParent(), log), classData);
    }

    /** Waits for {@code GET /q/health/ready} to answer 200. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        URI ready = URI.create("http://localhost:" + port + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (true) {
            process.checkAlive();
            try {
                last = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(spec.name() + " not ready after " + timeout + " (last status " + last
                        + "); see " + process.log() + ":\n" + process.tail(30));
            }
            ChildProcess.sleep(500);
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    public ChildProcess process() {
        return process;
    }

    /** SIGTERM, without waiting for the service to stop. */
    public void signalStop() {
        process.signalStop();
    }

    @Override
    public void close() {
        boolean ended = process.stop(classData == null ? Duration.ofSeconds(20) : classData.stopGrace());
        if (classData != null) {
            classData.afterExit(spec.name(), ended);
        }
    }
}
