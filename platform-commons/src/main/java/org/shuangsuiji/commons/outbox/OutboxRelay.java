package org.shuangsuiji.commons.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.shuangsuiji.commons.config.PlatformConfig;
import org.shuangsuiji.commons.events.EventEnvelope;

/**
 * Sends committed outbox rows to Kafka and marks them published only after the broker acknowledged them.
 *
 * <p>Any number of replicas may run this: a transaction-scoped advisory lock lets one relay per database work at
 * a time, which keeps each aggregate's events in commit order without coordinating replicas. If the process dies
 * after sending but before marking, the rows are sent again; consumers dedupe on the event id (see {@code Inbox}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary but fixed: the advisory lock key that serialises relays of one database. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final AgroalDataSource dataSource;
    private final PlatformConfig config;
    private final String bootstrapServers;
    private final AtomicLong pending = new AtomicLong();
    private volatile KafkaProducer<String, byte[]> producer;

    public OutboxRelay(
            AgroalDataSource dataSource,
            PlatformConfig config,
            MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        registry.gauge("outbox.pending", pending);
    }

    @Scheduled(
            every = "${ssj.outbox.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    void scheduled() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            // The rows stay pending and the next run retries; the broker or database being away is not fatal.
            LOG.warnf("outbox relay run failed: %s", e.getMessage());
        }
    }

    /**
     * Publishes pending events batch by batch until none are left or the broker stops answering.
     *
     * @return how many events were acknowledged and marked published
     */
    public int publishPending() {
        int total = 0;
        while (true) {
            Integer sent = QuarkusTransaction.requiringNew().call(this::publishOneBatch);
            if (sent == null) {
                return total; // another replica holds the relay lock
            }
            total += sent;
            if (sent < config.outbox().batchSize()) {
                return total;
            }
        }
    }

    /** @return events marked published, or null when another relay is at work */
    private Integer publishOneBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!tryRelayLock(c)) {
                return null;
            }
            List<Row> rows = lockPendingBatch(c);
            refreshBacklog(c);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Long> acknowledged = send(rows);
            markPublished(c, acknowledged);
            if (acknowledged.size() < rows.size()) {
                recordFailure(c, rows.get(acknowledged.size()).seq(), "broker did not acknowledge in time");
            }
            pending.addAndGet(-acknowledged.size());
            return acknowledged.size();
        }
    }

    private boolean tryRelayLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, RELAY_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private List<Row> lockPendingBatch(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, topic, aggregate_id, event_type, payload FROM outbox_event"
                        + " WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
            ps.setInt(1, config.outbox().batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // the payload's UTF-8 bytes as the server sent them: decoding them into a String only to have
                    // the serializer encode them again doubled the relay's work for bulk events (~550 MB per
                    // 1 000 000 imported subjects)
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)));
                }
            }
        }
        return rows;
    }

    /** Sends the batch and returns the sequence numbers of the longest acknowledged prefix, preserving order. */
    private List<Long> send(List<Row> rows) {
        KafkaProducer<String, byte[]> p = producer();
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        try {
            for (Row row : rows) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.aggregateId(), row.payload());
                record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", row.type().getBytes(StandardCharsets.UTF_8));
                futures.add(p.send(record));
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay could not hand events to the producer: %s", e.getMessage());
        }
        List<Long> acknowledged = new ArrayList<>(rows.size());
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(rows.get(i).seq());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                LOG.warnf("event %d (%s) not acknowledged: %s", rows.get(i).seq(), rows.get(i).type(), e.getMessage());
                break;
            }
        }
        return acknowledged;
    }

    private void markPublished(Connection c, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            ps.executeUpdate();
        }
    }

    private void recordFailure(Connection c, long seq, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?")) {
            ps.setString(1, error);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }

    private void refreshBacklog(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            pending.set(rs.getLong(1));
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = createProducer();
                }
                p = producer;
            }
        }
        return p;
    }

    private KafkaProducer<String, byte[]> createProducer() {
        var props = new java.util.Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.events().source().replace("/", "") + "-outbox-relay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        int timeoutMs = (int) config.outbox().sendTimeout().toMillis();
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(timeoutMs, 5000)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(timeoutMs, 5005)));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.min(timeoutMs, 5000)));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    void onStop(@Observes ShutdownEvent event) {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(2));
        }
    }

    private record Row(long seq, String topic, String aggregateId, String type, byte[] payload) {}

    /** Lets ops switch the relay off per replica with {@code ssj.outbox.relay-enabled=false}. */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        private final PlatformConfig config;

        public RelayDisabled(PlatformConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.outbox().relayEnabled();
        }
    }
}
