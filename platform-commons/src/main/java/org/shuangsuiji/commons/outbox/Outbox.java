package org.shuangsuiji.commons.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.shuangsuiji.commons.config.PlatformConfig;
import org.shuangsuiji.commons.events.EventCodec;
import org.shuangsuiji.commons.events.EventEnvelope;

/**
 * Writes an event into the outbox table inside the caller's transaction, so the event exists if and only if the
 * change it describes was committed. {@link OutboxRelay} sends it to Kafka later; nothing here touches the broker.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final EventCodec codec;
    private final ObjectMapper mapper;
    private final PlatformConfig config;

    public Outbox(AgroalDataSource dataSource, EventCodec codec, ObjectMapper mapper, PlatformConfig config) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * @param topic e.g. {@code catalog.events}
     * @param aggregateId the Kafka key and CloudEvents subject: keeps one aggregate's events in order
     * @param type e.g. {@code catalog.item.published}
     * @param schemaVersion bumped only for incompatible changes of {@code data}
     * @return the event as it will be sent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String aggregateId, String type, int schemaVersion, Object data) {
        JsonNode payload = mapper.valueToTree(data);
        EventEnvelope envelope = new EventEnvelope(
                EventEnvelope.SPEC_VERSION,
                UUID.randomUUID().toString(),
                config.events().source(),
                type,
                aggregateId,
                OffsetDateTime.now(ZoneOffset.UTC),
                "application/json",
                schemaVersion,
                payload);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, payload)"
                                + " VALUES (?, ?, ?, ?, ?::json)")) {
            ps.setObject(1, UUID.fromString(envelope.id()));
            ps.setString(2, topic);
            ps.setString(3, aggregateId);
            ps.setString(4, type);
            ps.setString(5, codec.write(envelope));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write event " + type + " to the outbox", e);
        }
        return envelope;
    }

    /**
     * Writes one event per row of {@code dataQuery} inside the caller's transaction, for bulk changes whose event
     * data already lives in the database: PostgreSQL builds the same envelope as {@link #publish} around each row,
     * so the data never travels to the application and back.
     *
     * @param dataQuery a SELECT returning {@code aggregate_id} (text) and {@code data} ({@code json} or {@code jsonb}),
     *     one row per event, in the order the events are to be sent
     * @param params the query's parameters
     * @return how many events were written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publishQuery(String topic, String type, int schemaVersion, String dataQuery, Object... params) {
        // A subquery, not a materialised CTE sorted again: PostgreSQL keeps a subquery with a volatile output column
        // (the random id, used twice) as it is, and inserts its rows in the query's order. The CTE and its sort held
        // every event's data in work_mem and spilled megabytes of large events to temporary files (docs/performance.md).
        String sql = """
                INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, payload)
                SELECT e.id, ?, e.aggregate_id, ?, %s
                FROM (SELECT gen_random_uuid() AS id, q.aggregate_id, q.data FROM (%s) q) e"""
                .formatted(envelope("e.id::text", "e.aggregate_id", "e.data"), dataQuery);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, topic);
            ps.setString(i++, type);
            ps.setString(i++, EventEnvelope.SPEC_VERSION);
            ps.setString(i++, config.events().source());
            ps.setString(i++, type);
            ps.setString(i++, eventTime());
            ps.setInt(i++, schemaVersion);
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write events " + type + " to the outbox", e);
        }
    }

    /**
     * Writes one event of one aggregate per element of {@code data}, in list order, inside the caller's transaction:
     * for the parts of a large change whose data the application has already written as JSON text. PostgreSQL builds
     * the same envelope as {@link #publishQuery} around each text, so it is not read into a tree and written again.
     *
     * @param data each event's {@code data}, a JSON text
     * @return how many events were written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publishTexts(String topic, String aggregateId, String type, int schemaVersion, List<String> data) {
        String sql = "INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, payload) VALUES (?, ?, ?, ?, %s)"
                .formatted(envelope("?::text", "?::text", "?::json"));
        String time = eventTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (String text : data) {
                UUID id = UUID.randomUUID();
                ps.setObject(1, id);
                ps.setString(2, topic);
                ps.setString(3, aggregateId);
                ps.setString(4, type);
                // the placeholders in envelope order: specversion, id, source, type, subject, time, version, data
                ps.setString(5, EventEnvelope.SPEC_VERSION);
                ps.setString(6, id.toString());
                ps.setString(7, config.events().source());
                ps.setString(8, type);
                ps.setString(9, aggregateId);
                ps.setString(10, time);
                ps.setInt(11, schemaVersion);
                ps.setString(12, text);
                ps.addBatch();
            }
            int written = 0;
            for (int n : ps.executeBatch()) {
                written += n;
            }
            return written;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write events " + type + " to the outbox", e);
        }
    }

    /**
     * The CloudEvents envelope of {@link #publish}, put together by PostgreSQL with the {@code json} functions, which
     * concatenate text (the {@code jsonb} ones re-encode every nested value at each level, several times the cost).
     * Placeholders: specversion, source, type, time, schema version, plus those of the three expressions given.
     */
    private static String envelope(String id, String subject, String data) {
        return ("json_build_object('specversion', ?::text, 'id', %s, 'source', ?::text, 'type', ?::text, 'subject', %s,"
                + " 'time', ?::json, 'datacontenttype', 'application/json', 'dataschemaversion', ?::int, 'data', %s)")
                .formatted(id, subject, data);
    }

    /** The envelope's time as {@link #publish}'s serialisation writes it, so every path writes it the same way. */
    private String eventTime() {
        try {
            return mapper.writeValueAsString(OffsetDateTime.now(ZoneOffset.UTC));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the event time", e);
        }
    }
}
