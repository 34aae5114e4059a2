package org.shuangsuiji.commons.it;

import io.agroal.api.AgroalDataSource;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.shuangsuiji.commons.events.EventCodec;
import org.shuangsuiji.commons.events.EventEnvelope;
import org.shuangsuiji.commons.events.Inbox;

/** A consumer whose effect (one row per applied event) shows whether a duplicate had a second effect. */
@ApplicationScoped
public class TestEffectConsumer {

    private final Inbox inbox;
    private final EventCodec codec;
    private final AgroalDataSource dataSource;

    public TestEffectConsumer(Inbox inbox, EventCodec codec, AgroalDataSource dataSource) {
        this.inbox = inbox;
        this.codec = codec;
        this.dataSource = dataSource;
    }

    @Incoming("test-events")
    @Blocking
    @Transactional
    public void on(String json) throws SQLException {
        EventEnvelope event = codec.read(json);
        if (!inbox.firstDelivery("commons-it.effects", event.id())) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO test_effect (event_id, aggregate_id) VALUES (?, ?)")) {
            ps.setString(1, event.id());
            ps.setString(2, event.subject());
            ps.executeUpdate();
        }
    }
}
