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

    // Members are hashed in chunks: one digest update per 8 KB instead of one (and one byte array) per member.
    private final byte[] buffer = new byte[8192];
    private int buffered;

    public void add(String uscc) {
        if (finished != null) {
            throw new IllegalStateException("the pool hash is already finished");
        }
        if (previous != null && firstDisorder < 0 && compareBytes(previous, uscc) >= 0) {
            firstDisorder = count + 1;
            disorderDetail = "member " + (count + 1) + " '" + uscc + "' does not sort after '" + previous + "'";
        }
        int n = uscc.length();
        if (n + 1 > buffer.length - buffered) {
            flush();
        }
        boolean ascii = n + 1 <= buffer.length;
        for (int i = 0; ascii && i < n; i++) {
            char c = uscc.charAt(i);
            if (c >= 0x80) {
                ascii = false;
            } else {
                buffer[buffered + i] = (byte) c;
            }
        }
        if (ascii) {
            buffer[buffered + n] = '\n';
            buffered += n + 1;
        } else {
            flush();
            digest.update(uscc.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        previous = uscc;
        count++;
    }

    private void flush() {
        digest.update(buffer, 0, buffered);
        buffered = 0;
    }

    public long count() {
        return count;
    }

    /** Finishes the hash; no member may be added afterwards. */
    public String sha256() {
        if (finished == null) {
            flush();
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

    /**
     * Byte-wise comparison of the UTF-8 forms (the sign is what counts); for USCCs (ASCII) this is plain char
     * comparison. UTF-8 keeps the order of code points, and UTF-16 units order like code points except around
     * surrogates: strings that differ first at a surrogate, or where one ends inside a pair, are compared encoded.
     */
    public static int compareBytes(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return compareEncoded(a, b);
                }
                return x < y ? -1 : 1;
            }
        }
        if (a.length() == b.length()) {
            return 0;
        }
        if (n > 0 && Character.isHighSurrogate(a.charAt(n - 1))) {
            return compareEncoded(a, b);
        }
        return a.length() < b.length() ? -1 : 1;
    }

    /** The reference: compares the UTF-8 bytes themselves. */
    static int compareEncoded(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
