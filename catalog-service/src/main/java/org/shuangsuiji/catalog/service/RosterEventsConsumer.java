package org.shuangsuiji.catalog.service;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.shuangsuiji.commons.events.EventCodec;
import org.shuangsuiji.commons.events.EventEnvelope;
import org.shuangsuiji.commons.events.Inbox;

/** Keeps the department read model in step with roster-service (ADR 0008). */
@ApplicationScoped
public class RosterEventsConsumer {

    static final String CONSUMER = "catalog.departments";
    private static final String DEPARTMENT_EVENTS = "roster.department.";

    private final Inbox inbox;
    private final EventCodec codec;
    private final DepartmentDirectory departments;

    public RosterEventsConsumer(Inbox inbox, EventCodec codec, DepartmentDirectory departments) {
        this.inbox = inbox;
        this.codec = codec;
        this.departments = departments;
    }

    @Incoming("roster-events")
    @Blocking
    @Transactional
    public void on(String json) {
        EventEnvelope event = codec.read(json);
        // Subject and inspector events are most of the topic and none of our business: not even an inbox row.
        if (!event.type().startsWith(DEPARTMENT_EVENTS)) {
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        DepartmentDirectory.DepartmentState state = codec.data(event, DepartmentDirectory.DepartmentState.class);
        if (state.code() == null || state.name() == null || state.level() == null || state.divisionCode() == null) {
            throw new EventCodec.MalformedEventException("department event " + event.id() + " lacks code, name, level or divisionCode");
        }
        departments.apply(state, event.id());
    }
}
