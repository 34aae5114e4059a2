package org.shuangsuiji.draw.algorithm;

import java.nio.charset.StandardCharsets;
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

    /**
     * A source holding each pool in its stored form, which {@code ssj-keyed-rank/1} ranks where the bytes lie
     * ({@link SubjectRanking#acceptEncoded}) instead of through a String per member.
     */
    @FunctionalInterface
    interface Encoded extends PoolSource {

        /** The stratum's frozen pool as stored and hashed: {@code uscc + "\n"} per member, UTF-8, canonical order. */
        byte[] encoded(String stratumId);

        /** Members (in canonical order) in the stored form. */
        static byte[] encode(java.util.Collection<String> members) {
            StringBuilder b = new StringBuilder(members.size() * 19);
            members.forEach(u -> b.append(u).append('\n'));
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        default void forEachUscc(String stratumId, Consumer<String> sink) {
            byte[] m = encoded(stratumId);
            int start = 0;
            for (int i = 0; i < m.length; i++) {
                if (m[i] == '\n') {
                    sink.accept(new String(m, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
        }
    }
}
