package org.shuangsuiji.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ./deploy/local/run.sh}: the whole platform on this machine, with only a JDK. Data lives in
 * {@code .local-run/} at the repo root and survives restarts (delete the directory to start over); logs are in
 * {@code .local-run/logs/}. Ctrl-C stops everything.
 */
public final class Main {

    /** Demo users and what they are, for the banner (the realm file is the source of truth). */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"admin", "platform-admin"},
            new String[] {"planner-yc-fgj", "planner, 阳城县发改局 YC-FGJ 140522"},
            new String[] {"reviewer-yc-fgj", "reviewer, YC-FGJ"},
            new String[] {"head-yc-fgj", "department-head, YC-FGJ"},
            new String[] {"inspector-yc-fgj-1", "inspector, YC-FGJ"},
            new String[] {"inspector-yc-fgj-2", "inspector, YC-FGJ"},
            new String[] {"planner-yc-scjg", "planner, 阳城县市场监管局 YC-SCJGJ 140522"},
            new String[] {"inspector-yc-scjg-1", "inspector, YC-SCJGJ"},
            new String[] {"planner-pl-nync", "planner, 平鲁区农业农村局 PL-NYNCJ 140603"},
            new String[] {"reviewer-pl-nync", "reviewer, PL-NYNCJ"},
            new String[] {"inspector-pl-nync-1", "inspector, PL-NYNCJ"},
            new String[] {"witness-yc-jjz", "witness, 纪检组 YC-JJZ 140522"},
            new String[] {"auditor", "auditor"},
            new String[] {"deptadmin-yc-fgj", "department-admin, YC-FGJ"});

    private Main() {}

    public static void main(String[] args) {
        Path repoRoot = Settings.findRepoRoot();
        Settings settings = Settings.local(repoRoot);
        List<ServiceSpec> services = servicesToStart(args);
        LocalPlatform platform = new LocalPlatform(settings, services);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "local-platform-stop"));
        checkPortsFree(settings, services);
        try {
            platform.start();
        } catch (RuntimeException e) {
            System.err.println("\n[local] START FAILED: " + e.getMessage());
            System.exit(1); // the shutdown hook stops what did start
        }
        if (services.equals(ServiceSpec.ALL)) {
            LocalPlatform.say("loading demo data");
            List<String> failed = DemoData.loadAll(
                    new DemoData.Context(settings, new KeycloakTokens(settings.tokenEndpoint()), new Http()));
            if (!failed.isEmpty()) {
                LocalPlatform.say("demo data incomplete (the platform stays up): " + String.join("; ", failed));
            }
        } else {
            LocalPlatform.say("not all services started: demo data not loaded");
        }
        System.out.println(banner(settings, services, platform.timings()));
        while (true) {
            ChildProcess.sleep(5000);
            for (ChildProcess dead : platform.deadChildren()) {
                System.err.println("[local] " + dead.name() + " has exited; see " + dead.log()
                        + ". Stopping everything.");
                System.exit(2);
            }
        }
    }

    /** {@code --skip=catalog-service,draw-service} leaves those out (run them yourself, e.g. quarkus:dev). */
    static List<ServiceSpec> servicesToStart(String[] args) {
        java.util.Set<String> skip = new java.util.HashSet<>();
        for (String arg : args) {
            if (arg.startsWith("--skip=")) {
                for (String name : arg.substring("--skip=".length()).split(",")) {
                    if (!name.isBlank()) {
                        skip.add(ServiceSpec.named(name.trim()).name());
                    }
                }
            } else if (arg.equals("--infra-only")) {
                ServiceSpec.ALL.forEach(s -> skip.add(s.name()));
            } else {
                System.err.println("usage: run.sh [--skip=<service>,...] [--infra-only]");
                System.exit(64);
            }
        }
        return ServiceSpec.ALL.stream().filter(s -> !skip.contains(s.name())).toList();
    }

    static void checkPortsFree(Settings s, List<ServiceSpec> services) {
        List<Integer> ports = new java.util.ArrayList<>(List.of(s.postgresPort(), s.kafkaPort(), s.kafkaControllerPort(),
                s.keycloakPort()));
        services.forEach(spec -> ports.add(s.port(spec.name())));
        for (int port : ports) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress("localhost", port));
            } catch (java.io.IOException e) {
                System.err.println("[local] port " + port + " is in use: is the platform already running? "
                        + "Stop it (Ctrl-C) or free the port.");
                System.exit(1);
            }
        }
    }

    static String banner(Settings s, List<ServiceSpec> started, Map<String, Duration> timings) {
        StringBuilder b = new StringBuilder("\n================ 双随机、一公开: local platform is up ================\n");
        b.append("Swagger UI:\n");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            b.append(String.format("  %-20s %s/q/swagger-ui%s%n", spec.name(), s.serviceUrl(spec.name()),
                    started.contains(spec) ? "" : "   (skipped: not started by the launcher)"));
        }
        b.append("Public list:     ").append(s.serviceUrl("publication-service")).append("/public/items\n");
        b.append("Keycloak admin:  ").append(s.keycloakUrl()).append("/admin  (")
                .append(KeycloakServer.ADMIN_USER).append(" / ").append(KeycloakServer.ADMIN_PASSWORD)
                .append(", master realm)\n");
        b.append("Kafka:           ").append(s.kafkaBootstrap()).append("    PostgreSQL: ")
                .append(s.jdbcUrl("<catalog|roster|draw|inspection|publication>")).append(" (postgres/postgres)\n");
        b.append("Demo users (realm ").append(Settings.REALM).append(", password = user name + \"-pass\"):\n");
        for (String[] u : DEMO_USERS) {
            b.append(String.format("  %-20s %s%n", u[0], u[1]));
        }
        b.append("Token for a user (e.g. planner-pl-nync):\n  TOKEN=$(")
                .append(KeycloakTokens.curlFor(s.tokenEndpoint(), "planner-pl-nync")).append(")\n");
        b.append("  curl -H \"Authorization: Bearer $TOKEN\" ").append(s.serviceUrl("catalog-service"))
                .append("/items ...\n");
        b.append("Service account: provincial-sync / provincial-sync-secret (demo only, client_credentials)\n");
        b.append("Time to ready: ");
        timings.forEach((k, v) -> b.append(k).append(' ').append(LocalPlatform.fmt(v)).append("  "));
        b.append("\nData: ").append(s.runDir()).append("   Logs: ").append(s.logsDir()).append('\n');
        b.append("Ctrl-C stops everything.\n");
        b.append("======================================================================\n");
        return b.toString();
    }
}
