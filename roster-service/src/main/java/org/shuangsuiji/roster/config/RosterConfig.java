package org.shuangsuiji.roster.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "roster")
public interface RosterConfig {

    /** The topic every roster event goes to, keyed by the aggregate id (department code, USCC). */
    String eventsTopic();

    Snapshot snapshot();

    interface Snapshot {
        /** Rows the JDBC cursor fetches per round trip while streaming a pool snapshot. */
        @WithDefault("2000")
        int fetchSize();
    }
}
