package org.shuangsuiji.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Count and SHA-256 of a pool as roster-service defines them: SHA-256 over {@code uscc + "\n"} (UTF-8) per member,
 * concatenated in canonical order. Also notices members out of canonical (strictly ascending byte) order, which
 * includes duplicates.
 */
public final class PoolHasher {
    private final MessageDigest digest = Sha256.newDigest();
    private long count;
    private String previous;
    private long firstDisorder = -1;
    private String disorderDetail;
    private String finished;

    public void add(String uscc) {
        if (finished != null) {
            throw new IllegalStateException("the pool hash is already finished");
        }
        if (previous != null && firstDisorder < 0 && compareBytes(previous, uscc) >= 0) {
            firstDisorder = count + 1;
            disorderDetail = "member " + (count + 1) + " '" + uscc + "' does not sort after '" + previous + "'";
        }
        digest.update(uscc.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        previous = uscc;
        count++;
    }

    public long count() {
        return count;
    }

    /** Finishes the hash; no member may be added afterwards. */
    public String sha256() {
        if (finished == null) {
            finished = Hex.of(digest.digest());
        }
        return finished;
    }

    /** True if every member sorted strictly after the one before. */
    public boolean canonicalOrder() {
        return firstDisorder < 0;
    }

    /** Which member broke the canonical order, or null. */
    public String disorderDetail() {
        return disorderDetail;
    }

    /** Byte-wise comparison of the UTF-8 forms; for USCCs (ASCII) this is plain char comparison. */
    public static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
