package org.shuangsuiji.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A single-node KRaft Kafka (broker and controller in one process) in a JVM of its own, run from the Maven-resolved
 * jars of {@code org.apache.kafka:kafka_2.13} (see kafka-broker/pom.xml). Its log directory is formatted once and
 * then reused, so topics and offsets survive restarts of a persistent run.
 */
public final class KafkaBroker implements AutoCloseable {

    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
    }

    /** Formats the storage if needed and launches the broker; {@link #awaitReady} waits for it. */
    public static KafkaBroker launch(Path dir, int port, int controllerPort, Path log) {
        String classpath = classpath();
        Path dataDir = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j2.properties");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(config, serverProperties(dataDir, port, controllerPort), StandardCharsets.UTF_8);
            Files.writeString(log4j, LOG4J2, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = Jdks.java(Jdks.currentJavaHome()).toString();
        List<String> jvm = List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", classpath);
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(jvm);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", newClusterId(), "-c", config.toString()));
            ChildProcess formatter = ChildProcess.start("kafka-format", format, Map.of(), dir, log);
            try {
                if (!formatter.processWaitFor(Duration.ofMinutes(2)) || formatter.exitCode() != 0) {
                    throw new IllegalStateException("formatting Kafka storage failed:\n" + formatter.tail(30));
                }
            } finally {
                formatter.stop(Duration.ofSeconds(1));
            }
        }
        List<String> run = new ArrayList<>(jvm);
        run.addAll(List.of("kafka.Kafka", config.toString()));
        return new KafkaBroker(ChildProcess.start("kafka", run, Map.of(), dir, log));
    }

    public void awaitReady(String bootstrap, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                process.checkAlive();
                try {
                    int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                            .nodes().get(6, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not up yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka not ready after " + timeout + "; see " + process.log());
                }
                ChildProcess.sleep(500);
            }
        }
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

    static String classpath() {
        Path file = Path.of(Settings.build().getProperty("kafka.classpath.file"));
        try {
            String cp = Files.readString(file).trim();
            for (String entry : cp.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("Kafka broker jar missing: " + entry + "; rebuild deploy/local");
                }
            }
            return cp;
        } catch (IOException e) {
            throw new IllegalStateException("no Kafka broker classpath at " + file + "; build deploy/local first", e);
        }
    }

    /** A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (what kafka-storage random-uuid prints). */
    static String newClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        bytes[0] &= 0x7f; // never negative-looking / reserved
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String serverProperties(Path dataDir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    private static final String LOG4J2 = String.join("\n",
            "status = warn",
            "shutdownHook = disable",
            "appender.console.type = Console",
            "appender.console.name = STDOUT",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.stdout.ref = STDOUT",
            "logger.kafka.name = kafka",
            "logger.kafka.level = warn",
            "logger.apache.name = org.apache.kafka",
            "logger.apache.level = warn",
            "logger.server.name = kafka.server.KafkaRaftServer",
            "logger.server.level = info",
            "logger.broker.name = kafka.server.BrokerServer",
            "logger.broker.level = info",
            "");
}
