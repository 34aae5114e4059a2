package org.shuangsuiji.draw.algorithm;

import java.util.function.Consumer;

/**
 * Streams a frozen stratum pool, one USCC at a time, in canonical order (ascending byte order), so a pool of any size
 * is ranked in memory proportional to the quota. The service reads its frozen snapshot through a cursor; the verifier
 * reads a file.
 */
@FunctionalInterface
public interface PoolSource {

    /**
     * Calls {@code sink} once per member of the stratum's frozen pool, in canonical order.
     *
     * @param stratumId the announced stratum id
     * @param sink      receives each USCC
     */
    void forEachUscc(String stratumId, Consumer<String> sink);
}
