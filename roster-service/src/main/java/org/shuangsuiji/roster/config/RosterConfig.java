package org.shuangsuiji.roster.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "roster")
public interface RosterConfig {

    /** The topic every roster event goes to, keyed by the aggregate id (department code, USCC, inspector id, job id). */
    String eventsTopic();

    Snapshot snapshot();

    Imports imports();

    Demo demo();

    interface Snapshot {
        /** Rows the JDBC cursor fetches per round trip while streaming a pool snapshot (a few MB). */
        @WithDefault("10000")
        int fetchSize();
    }

    interface Imports {
        /**
         * Subject rows per transaction (stage, upsert, history, events). 20 000 rather than 10 000 halves the fixed
         * cost per chunk; 40 000 gained nothing more and took 120 MiB more memory (docs/performance.md).
         */
        @WithDefault("20000")
        int chunkSize();

        /**
         * Subject chunks stored at the same time, each in its own transaction on its own connection (the reader
         * thread decides duplicates in file order before a chunk is handed to one): one PostgreSQL backend per worker.
         */
        @WithDefault("2")
        int storeWorkers();

        /** A queued or running job without heartbeat for this long is failed (its replica stopped). */
        @WithDefault("5m")
        Duration staleAfter();
    }

    interface Demo {
        /** Serves generated demo files (GET /demo/…) to platform-admins; off in Kubernetes. */
        @WithDefault("true")
        boolean enabled();
    }
}
