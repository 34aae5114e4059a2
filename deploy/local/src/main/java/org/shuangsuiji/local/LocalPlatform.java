package org.shuangsuiji.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole platform on one machine: PostgreSQL, Kafka, Keycloak, then the five services, each waited for. Used by
 * {@link Main} (fixed ports, persistent data) and by the end-to-end test (free ports, temporary data). {@link #close}
 * stops everything it started, services first, and is safe to call more than once and from a shutdown hook.
 */
public final class LocalPlatform implements AutoCloseable {

    private final Settings settings;
    private final Map<String, Duration> timings = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private volatile PostgresServer postgres;
    private volatile KafkaBroker kafka;
    private volatile KeycloakServer keycloak;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final List<ServiceSpec> toStart;

    public LocalPlatform(Settings settings) {
        this(settings, ServiceSpec.ALL);
    }

    /** Starts only {@code toStart} of the services (e.g. when one runs in {@code quarkus:dev} against this infra). */
    public LocalPlatform(Settings settings, List<ServiceSpec> toStart) {
        this.settings = settings;
        this.toStart = List.copyOf(toStart);
    }

    public List<ServiceSpec> servicesToStart() {
        return toStart;
    }

    public Settings settings() {
        return settings;
    }

    /** How long each part took to become ready, in start order, and "total". */
    public Map<String, Duration> timings() {
        return timings;
    }

    public void start() {
        long t0 = System.nanoTime();
        Path realm = settings.repoRoot().resolve("deploy/keycloak/shuangsuiji-realm.json");
        Path logs = settings.logsDir();

        // Keycloak is the slowest; launch it first and let the rest start meanwhile.
        long tKc = System.nanoTime();
        say("Keycloak: launching on port " + settings.keycloakPort() + " (first start in a fresh home builds it, ~1 min)");
        keycloak = KeycloakServer.launch(settings.keycloakHome(), realm, settings.keycloakPort(),
                settings.keycloakManagementPort(), logs.resolve("keycloak.log"));
        abortIfClosed(keycloak);

        long tPg = System.nanoTime();
        say("PostgreSQL: starting on port " + settings.postgresPort());
        postgres = PostgresServer.start(settings.runDir().resolve("postgres"), settings.postgresPort(),
                logs.resolve("postgres.log"), ServiceSpec.ALL.stream().map(ServiceSpec::database).toList());
        abortIfClosed(postgres);
        timings.put("postgres", since(tPg));
        say("PostgreSQL: ready in " + fmt(timings.get("postgres")));

        long tKafka = System.nanoTime();
        say("Kafka: starting on port " + settings.kafkaPort());
        kafka = KafkaBroker.launch(settings.runDir().resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort(), logs.resolve("kafka.log"));
        abortIfClosed(kafka);
        kafka.awaitReady(settings.kafkaBootstrap(), Duration.ofMinutes(3));
        timings.put("kafka", since(tKafka));
        say("Kafka: ready in " + fmt(timings.get("kafka")));

        keycloak.awaitReady(settings.realmUrl(), settings.keycloakTimeout());
        timings.put("keycloak", since(tKc));
        say("Keycloak: ready in " + fmt(timings.get("keycloak")));

        long tSvc = System.nanoTime();
        for (ServiceSpec spec : toStart) {
            say(spec.name() + ": starting on port " + settings.port(spec.name()));
            ServiceProcess service = ServiceProcess.launch(settings, spec);
            services.add(service);
            abortIfClosed(service);
        }
        for (ServiceProcess service : services) {
            service.awaitReady(settings.serviceTimeout());
            say(service.spec().name() + ": ready");
        }
        timings.put("services", since(tSvc));
        timings.put("total", since(t0));
        say("all ready in " + fmt(timings.get("total")));
    }

    /** True once {@link #close} has begun (children dying then is expected). */
    public boolean isClosing() {
        return closed.get();
    }

    /** A started child that has died since, if any (the launcher watches for this while it runs). */
    public List<ChildProcess> deadChildren() {
        List<ChildProcess> dead = new ArrayList<>();
        if (closed.get()) {
            return dead;
        }
        for (ServiceProcess s : services) {
            if (!s.process().isAlive()) {
                dead.add(s.process());
            }
        }
        if (kafka != null && !kafka.process().isAlive()) {
            dead.add(kafka.process());
        }
        if (keycloak != null && !keycloak.process().isAlive()) {
            dead.add(keycloak.process());
        }
        return dead;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        say("stopping: services, Keycloak, Kafka, PostgreSQL");
        // SIGTERM to every service before waiting for any: each takes seconds to leave its Kafka consumer groups, and
        // one after the other (a parallel stream on 2 cores) they took 21 s together
        services.forEach(s -> quietly(s::signalStop));
        services.forEach(s -> quietly(s::close));
        if (keycloak != null) {
            quietly(keycloak::close);
        }
        if (kafka != null) {
            quietly(kafka::close);
        }
        if (postgres != null) {
            quietly(postgres::close);
        }
        say("stopped");
    }

    /** Stopping began while starting (Ctrl-C): stop what was just started, as close() may have missed it. */
    private void abortIfClosed(AutoCloseable justStarted) {
        if (closed.get()) {
            quietly(() -> {
                try {
                    justStarted.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            throw new IllegalStateException("stopped while starting");
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("while stopping: " + e);
        }
    }

    static Duration since(long t) {
        return Duration.ofNanos(System.nanoTime() - t);
    }

    static String fmt(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    static void say(String message) {
        System.out.println("[local] " + message);
    }
}
