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
     * so the data never travels to the application and back. The envelope is put together with the {@code json}
     * functions, which concatenate text: the {@code jsonb} ones re-encode every nested value at each level, which
     * costs several times more.
     *
     * @param dataQuery a SELECT returning {@code aggregate_id} (text) and {@code data} ({@code json} or {@code jsonb}),
     *     one row per event, in the order the events are to be sent
     * @param params the query's parameters
     * @return how many events were written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publishQuery(String topic, String type, int schemaVersion, String dataQuery, Object... params) {
        String time;
        try {
            // the envelope's own serialisation of the time, so both paths write it the same way
            time = mapper.writeValueAsString(OffsetDateTime.now(ZoneOffset.UTC));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the event time", e);
        }
        // MATERIALIZED: the random id is drawn once per event and used as both event_id and the envelope's id
        String sql = """
                WITH e AS MATERIALIZED (
                    SELECT gen_random_uuid() AS id, q.aggregate_id, q.data, row_number() OVER () AS n
                    FROM (%s) q)
                INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, payload)
                SELECT e.id, ?, e.aggregate_id, ?, json_build_object('specversion', ?::text, 'id', e.id::text,
                    'source', ?::text, 'type', ?::text, 'subject', e.aggregate_id, 'time', ?::json,
                    'datacontenttype', 'application/json', 'dataschemaversion', ?::int, 'data', e.data)
                FROM e ORDER BY e.n""".formatted(dataQuery);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            ps.setString(i++, topic);
            ps.setString(i++, type);
            ps.setString(i++, EventEnvelope.SPEC_VERSION);
            ps.setString(i++, config.events().source());
            ps.setString(i++, type);
            ps.setString(i++, time);
            ps.setInt(i, schemaVersion);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write events " + type + " to the outbox", e);
        }
    }
}
