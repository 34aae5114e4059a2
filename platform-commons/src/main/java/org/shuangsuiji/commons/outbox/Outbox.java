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
                                + " VALUES (?, ?, ?, ?, ?::jsonb)")) {
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
}
