package org.shuangsuiji.draw.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "draw")
public interface DrawConfig {

    /** The topic every draw event goes to, keyed by plan id or draw id. */
    String eventsTopic();

    /** Rows a JDBC cursor fetches per round trip while streaming a frozen list. */
    @WithDefault("5000")
    int fetchSize();

    /** Subjects per {@code draw.completed} event; larger draws are split into parts (about 300 kB each) so no event nears Kafka's 1 MB. */
    @WithDefault("1000")
    int completedPartSize();
}
