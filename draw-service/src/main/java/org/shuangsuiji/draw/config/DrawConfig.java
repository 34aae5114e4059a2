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

    /**
     * Synthetic draws computed in memory after a start, one after the other on a thread of their own, so that the JIT
     * has compiled a draw's code before the first real draw; 0 leaves that to the first draw, for a replica that never
     * draws. Three instead of one changed nothing measurable (docs/performance.md, 2026-12-03 12:55).
     */
    @WithDefault("1")
    int warmUpDraws();
}
