package org.shuangsuiji.draw.algorithm.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Normalisation shared by the record types: immutable lists (never null) and second-precision instants. */
final class Lists {
    private Lists() {}

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    // Databases keep micro- or milliseconds; seconds make a record rebuilt from any store hash the same.
    static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
