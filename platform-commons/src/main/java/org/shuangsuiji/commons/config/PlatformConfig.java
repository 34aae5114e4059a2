package org.shuangsuiji.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every service shares; each service sets {@code ssj.events.source} to its own name. */
@ConfigMapping(prefix = "ssj")
public interface PlatformConfig {

    Events events();

    Outbox outbox();

    interface Events {
        /** CloudEvents {@code source} of every event this service produces, e.g. {@code /catalog-service}. */
        String source();
    }

    interface Outbox {
        /** Replicas that should never publish (e.g. a read-only replica) can turn the relay off. */
        @WithDefault("true")
        boolean relayEnabled();

        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for the broker to acknowledge one batch before giving up until the next run. */
        @WithDefault("10s")
        Duration sendTimeout();
    }
}
