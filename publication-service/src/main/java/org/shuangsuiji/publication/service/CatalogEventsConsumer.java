package org.shuangsuiji.publication.service;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.shuangsuiji.commons.events.EventCodec;
import org.shuangsuiji.commons.events.EventEnvelope;
import org.shuangsuiji.commons.events.Inbox;
import org.shuangsuiji.publication.domain.PublicItem;

/** Keeps the public item list in step with the catalog. */
@ApplicationScoped
public class CatalogEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogEventsConsumer.class);
    private static final String CONSUMER = "publication.public-items";

    private final Inbox inbox;
    private final EventCodec codec;

    public CatalogEventsConsumer(Inbox inbox, EventCodec codec) {
        this.inbox = inbox;
        this.codec = codec;
    }

    @Incoming("catalog-events")
    @Blocking
    @Transactional
    public void on(String json) {
        EventEnvelope event = codec.read(json);
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if ("catalog.item.published".equals(event.type())) {
            itemPublished(event, codec.data(event, CatalogItemPublished.class));
        }
    }

    private void itemPublished(EventEnvelope event, CatalogItemPublished data) {
        PublicItem item = PublicItem.findById(data.code());
        if (item != null && item.version >= data.version()) {
            LOG.debugf("ignoring %s@%d: version %d is already public", data.code(), data.version(), item.version);
            return;
        }
        if (item == null) {
            item = new PublicItem();
            item.code = data.code();
        }
        item.version = data.version();
        item.name = data.name();
        item.department = data.department();
        item.legalBasis = data.legalBasis();
        item.publishedAt = data.publishedAt();
        item.sourceEvent = event.id();
        item.persist();
    }
}
