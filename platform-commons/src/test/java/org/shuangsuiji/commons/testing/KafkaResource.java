package org.shuangsuiji.commons.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker, in process, on a random port (Kafka's own test kit). Internal topics use
 * replication factor 1 because there is one node. {@link #stopBroker()} and {@link #startBroker()} let a test take
 * the broker away for a while, on the same port. Started before Quarkus boots and stopped after it stopped.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    @Override
    public synchronized Map<String, String> start() {
        if (cluster == null) {
            // Kafka's server code exits or halts the JVM on fatal errors, also while shutting down; in a test JVM that
            // would kill Surefire's fork with a bare exit code instead of failing a test with a reason.
            Exit.setExitProcedure((status, message) -> {
                throw new IllegalStateException("Kafka asked to exit(" + status + "): " + message);
            });
            Exit.setHaltProcedure((status, message) -> {
                throw new IllegalStateException("Kafka asked to halt(" + status + "): " + message);
            });
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                                .setCombined(true)
                                .setNumBrokerNodes(1)
                                .setNumControllerNodes(1)
                                .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                        .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the Kafka test broker", e);
            }
        }
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    public static String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Shuts the broker down (the controller stays up), as in a broker outage. */
    public static void stopBroker() {
        BrokerServer broker = cluster.brokers().values().iterator().next();
        broker.shutdown();
        broker.awaitShutdown();
    }

    public static void startBroker() {
        try {
            cluster.brokers().values().iterator().next().startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart the Kafka test broker", e);
        }
    }

    /** Called once Quarkus has stopped, so the broker never goes away under a running application. */
    @Override
    public synchronized void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                System.err.println("Kafka test broker did not stop cleanly: " + e);
            }
            cluster = null;
        }
    }
}
