package org.shuangsuiji.commons.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.commons.outbox.OutboxRelay;
import org.shuangsuiji.commons.testing.KafkaResource;
import org.shuangsuiji.commons.testing.PlatformTest;

/** The outbox and the idempotent consumer against a real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@PlatformTest
class OutboxAndInboxTest {

    private static final String TOPIC = "commons.test.events";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(KafkaResource.bootstrapServers());
        kafka.registerSerde(String.class, Serdes.String());
        relay.publishPending(); // leftovers of another test must not be counted here
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void eventCommittedBeforeACrashIsPublishedByTheNextRelayRun() throws Exception {
        String aggregate = "agg-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(TOPIC, aggregate, "test.thing.changed", 1, Map.of("n", 1)));
        // The process "dies" here: no relay ran. The row is committed and pending, nothing reached the broker.
        assertThat(pending(aggregate)).isEqualTo(1);

        assertThat(relay.publishPending()).isEqualTo(1);

        List<ConsumerRecord<String, String>> records = recordsFor(aggregate, 1);
        assertThat(records).hasSize(1);
        JsonNode event = mapper.readTree(records.get(0).value());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("test.thing.changed");
        assertThat(event.get("source").asText()).isEqualTo("/platform-commons-it");
        assertThat(event.get("subject").asText()).isEqualTo(aggregate);
        assertThat(event.get("dataschemaversion").asInt()).isEqualTo(1);
        assertThat(event.get("time").asText()).isNotBlank();
        assertThat(event.get("data").get("n").asInt()).isEqualTo(1);
        assertThat(pending(aggregate)).isZero();
    }

    @Test
    void chineseTextAndLargePayloadsReachTheBrokerUnchanged() throws Exception {
        String aggregate = "agg-" + UUID.randomUUID();
        // stored out of line (a TOAST value) and sent as the server's UTF-8 bytes
        String name = "阳城县晋丰粮油购销有限公司 \\ \"引号\" 𠀀".repeat(4000);
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(TOPIC, aggregate, "test.thing.changed", 1, Map.of("name", name)));
        relay.publishPending();

        List<ConsumerRecord<String, String>> records = recordsFor(aggregate, 1);
        assertThat(mapper.readTree(records.get(0).value()).get("data").get("name").asText()).isEqualTo(name);
    }

    @Test
    void rolledBackChangeNeverPublishesItsEvent() throws Exception {
        String aggregate = "agg-" + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(TOPIC, aggregate, "test.thing.changed", 1, Map.of("n", 1));
                throw new IllegalStateException("business rule failed after the event was written");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        relay.publishPending();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + aggregate + "'")).isZero();
    }

    @Test
    void brokerDownForAWhileDelaysEventsButLosesNone() throws Exception {
        String aggregate = "agg-" + UUID.randomUUID();
        KafkaResource.stopBroker();
        try {
            for (int i = 0; i < 3; i++) {
                int n = i;
                QuarkusTransaction.requiringNew().run(() -> outbox.publish(TOPIC, aggregate, "test.thing.changed", 1, Map.of("n", n)));
            }
            assertThat(relay.publishPending()).isZero();
            assertThat(pending(aggregate)).isEqualTo(3);
        } finally {
            KafkaResource.startBroker();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            relay.publishPending();
            return pending(aggregate) == 0;
        });
        List<ConsumerRecord<String, String>> records = recordsFor(aggregate, 3);
        assertThat(records).extracting(r -> mapper.readTree(r.value()).get("data").get("n").asInt()).containsExactly(0, 1, 2);
    }

    @Test
    void eventSentAgainAfterALostAcknowledgementHasNoSecondEffect() throws Exception {
        String aggregate = "agg-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(TOPIC, aggregate, "test.thing.changed", 1, Map.of("n", 1)));
        relay.publishPending();
        // As if the relay died after the broker acknowledged but before it marked the row: it is sent again.
        execute("UPDATE outbox_event SET published_at = NULL WHERE aggregate_id = '" + aggregate + "'");
        relay.publishPending();

        assertThat(recordsFor(aggregate, 2)).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(aggregate) >= 1);
        Thread.sleep(1000); // give a wrongly applied duplicate the chance to show up
        assertThat(effects(aggregate)).isEqualTo(1);
    }

    @Test
    void redeliveredEventHasNoSecondEffect() throws Exception {
        String aggregate = "agg-" + UUID.randomUUID();
        String event = mapper.writeValueAsString(Map.of(
                "specversion", "1.0", "id", UUID.randomUUID().toString(), "source", "/elsewhere",
                "type", "test.thing.changed", "subject", aggregate, "dataschemaversion", 1, "data", Map.of()));
        kafka.produce(String.class, String.class)
                .fromRecords(List.of(new org.apache.kafka.clients.producer.ProducerRecord<>(TOPIC, aggregate, event),
                        new org.apache.kafka.clients.producer.ProducerRecord<>(TOPIC, aggregate, event),
                        new org.apache.kafka.clients.producer.ProducerRecord<>(TOPIC, aggregate, event)))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(aggregate) >= 1);
        Thread.sleep(1000);
        assertThat(effects(aggregate)).isEqualTo(1);
    }

    @Test
    void concurrentRelaysPublishEachEventOnceInOrder() throws Exception {
        String aggregate = "agg-" + UUID.randomUUID();
        int events = 300;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < events; i++) {
                outbox.publish(TOPIC, aggregate, "test.thing.changed", 1, Map.of("n", i));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                runs.add(CompletableFuture.supplyAsync(relay::publishPending, pool));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                relay.publishPending();
                return pending(aggregate) == 0;
            });
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        List<ConsumerRecord<String, String>> records = recordsFor(aggregate, events);
        List<Integer> order = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            order.add(mapper.readTree(r.value()).get("data").get("n").asInt());
        }
        assertThat(order).hasSize(events).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void eventsBuiltByAQueryCarryTheSameEnvelopeAsPublishedOnesInQueryOrder() throws Exception {
        String aggregate = "agg-" + UUID.randomUUID();
        int written = QuarkusTransaction.requiringNew().call(() -> {
            outbox.publish(TOPIC, aggregate, "test.thing.changed", 1, Map.of("n", 0));
            return outbox.publishQuery(TOPIC, "test.thing.changed", 1,
                    "SELECT ?::text AS aggregate_id, jsonb_build_object('n', n) AS data"
                            + " FROM generate_series(3, 1, -1) n ORDER BY n DESC", aggregate);
        });
        assertThat(written).isEqualTo(3);
        relay.publishPending();

        List<JsonNode> events = events(aggregate, 4);
        assertThat(events).extracting(e -> e.get("data").get("n").asInt()).containsExactly(0, 3, 2, 1);
        assertSameEnvelopeAsPublished(events.get(0), events.subList(1, 4));
        assertEachIdOnceAndStoredAsTheEventId(aggregate, events);
    }

    @Test
    void eventsWrittenFromTextsCarryTheSameEnvelopeAsPublishedOnesInListOrder() throws Exception {
        String aggregate = "agg-" + UUID.randomUUID();
        String large = "检".repeat(100_000);
        int written = QuarkusTransaction.requiringNew().call(() -> {
            outbox.publish(TOPIC, aggregate, "test.thing.changed", 1, Map.of("n", 0));
            return outbox.publishTexts(TOPIC, aggregate, "test.thing.changed", 1,
                    List.of("{\"n\":3}", "{\"n\":1,\"text\":\"" + large + "\"}", "{\"n\":2}"));
        });
        assertThat(written).isEqualTo(3);
        relay.publishPending();

        List<JsonNode> events = events(aggregate, 4);
        assertThat(events).extracting(e -> e.get("data").get("n").asInt()).containsExactly(0, 3, 1, 2);
        assertThat(events.get(2).get("data").get("text").asText()).isEqualTo(large);
        assertSameEnvelopeAsPublished(events.get(0), events.subList(1, 4));
        assertEachIdOnceAndStoredAsTheEventId(aggregate, events);
    }

    @Test
    void rejectsATextThatIsNotJsonAndWritesNoneOfItsEvents() throws Exception {
        String aggregate = "agg-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.publishTexts(TOPIC, aggregate,
                "test.thing.changed", 1, List.of("{\"n\":1}", "{not json"))))
                .hasMessageContaining("cannot write events test.thing.changed");
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + aggregate + "'")).isZero();
    }

    private List<JsonNode> events(String aggregate, int expected) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> r : recordsFor(aggregate, expected)) {
            events.add(mapper.readTree(r.value()));
        }
        return events;
    }

    private void assertEachIdOnceAndStoredAsTheEventId(String aggregate, List<JsonNode> events) throws SQLException {
        assertThat(events).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + aggregate
                + "' AND event_id::text = payload->>'id'")).isEqualTo(events.size());
    }

    /** Every event carries the envelope members of the one {@code Outbox.publish} wrote, with its own id and time. */
    private static void assertSameEnvelopeAsPublished(JsonNode published, List<JsonNode> events) {
        List<String> expected = new ArrayList<>();
        published.fieldNames().forEachRemaining(expected::add);
        for (JsonNode e : events) {
            List<String> fields = new ArrayList<>();
            e.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrderElementsOf(expected);
            for (String same : List.of("specversion", "source", "type", "subject", "datacontenttype", "dataschemaversion")) {
                assertThat(e.get(same)).as(same).isEqualTo(published.get(same));
            }
            assertThat(java.time.OffsetDateTime.parse(e.get("time").asText())).isNotNull();
            assertThat(UUID.fromString(e.get("id").asText())).isNotNull();
        }
    }

    private List<ConsumerRecord<String, String>> recordsFor(String aggregate, int expected) {
        ConsumerTask<String, String> task = kafka.consume(String.class, String.class)
                .withGroupId("probe-" + UUID.randomUUID())
                .withAutoCommit()
                .fromTopics(TOPIC);
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> task.getRecords().stream().filter(r -> aggregate.equals(r.key())).count() >= expected);
            Thread.sleep(500);
            return task.getRecords().stream().filter(r -> aggregate.equals(r.key())).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            task.stop();
        }
    }

    private long pending(String aggregate) throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregate_id = '" + aggregate + "'");
    }

    private long effects(String aggregate) throws SQLException {
        return count("SELECT count(*) FROM test_effect WHERE aggregate_id = '" + aggregate + "'");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
