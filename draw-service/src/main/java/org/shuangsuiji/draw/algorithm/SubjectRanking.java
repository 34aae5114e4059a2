package org.shuangsuiji.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.shuangsuiji.draw.algorithm.record.Selection;
import org.shuangsuiji.draw.algorithm.record.StratumResult;

/**
 * {@code ssj-keyed-rank/1} over one stratum, streaming: score(uscc) = HMAC-SHA-256(key, "subject:" + uscc) compared as
 * unsigned big-endian 256-bit numbers; the {@code quota} lowest-scoring eligible members are selected. A bounded
 * max-heap keeps only the current best {@code quota}, so memory is O(quota) whatever the pool size; the result does
 * not depend on the order members arrive in, and the first k of a larger quota equal the result of quota k.
 * Also counts and hashes the pool as it streams. Not thread-safe; one instance per stratum.
 */
public final class SubjectRanking {
    public static final String ALGORITHM = "ssj-keyed-rank/1";
    static final byte[] SUBJECT_PREFIX = "subject:".getBytes(StandardCharsets.UTF_8);

    private final String stratumId;
    private final int quota;
    private final Set<String> excluded;
    private final boolean requireCanonicalOrder;
    private final Hmac hmac;
    private final PoolHasher hasher = new PoolHasher();
    private final Set<String> excludedSeen = new HashSet<>();
    // With canonical order required, the exclusions sorted in the same byte order and merged with the pool as it
    // streams: one comparison per member instead of a hash lookup (USCCs of one region share their first characters,
    // and String.hashCode of such codes crowded into few HashMap buckets: JFR showed the lookups' tree bins taking
    // as long as the HMACs).
    private final String[] sortedExcluded;
    private int nextExcluded;
    private int excludedMatched;
    private String firstMissing;
    // The max-heap as parallel arrays: sifting compares the first 8 score bytes held in one long[] (cache-friendly);
    // the full score and the USCC are only touched on a tie of those 8 bytes or when moved.
    private final long[] heapHigh;
    private final byte[][] heapScore;
    private final String[] heapUscc;
    private final byte[] message = new byte[64];
    private int size;
    // the pool's count and hash when it came encoded (acceptEncoded), which does not use the hasher; -1 otherwise
    private long encodedCount = -1;
    private String encodedSha256;

    /**
     * @param key                   the 32-byte draw key
     * @param stratumId             for messages and the result
     * @param quota                 how many to select (≥ 0)
     * @param excluded              USCCs of this stratum removed before ranking (each must occur in the pool)
     * @param requireCanonicalOrder refuse members that do not sort strictly after the previous one (the service and
     *                              the verifier always pass true: the pool hash is defined on canonical order)
     */
    public SubjectRanking(byte[] key, String stratumId, int quota, Set<String> excluded, boolean requireCanonicalOrder) {
        if (quota < 0) {
            throw new DrawInputException("quota", "must not be negative");
        }
        this.stratumId = stratumId;
        this.quota = quota;
        this.excluded = excluded == null ? Set.of() : excluded;
        this.requireCanonicalOrder = requireCanonicalOrder;
        if (requireCanonicalOrder) {
            this.sortedExcluded = this.excluded.toArray(String[]::new);
            Arrays.sort(this.sortedExcluded, PoolHasher::compareBytes);
        } else {
            this.sortedExcluded = null;
        }
        this.hmac = new Hmac(key);
        this.heapHigh = new long[quota];
        this.heapScore = new byte[quota][];
        this.heapUscc = new String[quota];
        System.arraycopy(SUBJECT_PREFIX, 0, message, 0, SUBJECT_PREFIX.length);
    }

    /** The score of one USCC under a key: HMAC-SHA-256(key, "subject:" + uscc). */
    public static byte[] score(Hmac keyed, String uscc) {
        return keyed.mac("subject:" + uscc);
    }

    /** Feeds one pool member (in canonical order). */
    public void accept(String uscc) {
        if (encodedCount >= 0) {
            throw new IllegalStateException("the pool came encoded already");
        }
        if (uscc == null || uscc.isEmpty() || uscc.length() > 40) {
            throw new DrawInputException("pools." + stratumId, "member " + (hasher.count() + 1) + " is not a USCC: '"
                    + uscc + "'");
        }
        hasher.add(uscc);
        if (requireCanonicalOrder && !hasher.canonicalOrder()) {
            throw new DrawInputException("pools." + stratumId, "not in canonical order: " + hasher.disorderDetail());
        }
        if (sortedExcluded != null) {
            // members strictly increase (checked above), so every exclusion below this member was never in the pool
            while (nextExcluded < sortedExcluded.length
                    && PoolHasher.compareBytes(sortedExcluded[nextExcluded], uscc) < 0) {
                if (firstMissing == null) {
                    firstMissing = sortedExcluded[nextExcluded];
                }
                nextExcluded++;
            }
            if (nextExcluded < sortedExcluded.length && sortedExcluded[nextExcluded].equals(uscc)) {
                nextExcluded++;
                excludedMatched++;
                return;
            }
        } else if (!excluded.isEmpty() && excluded.contains(uscc)) {
            excludedSeen.add(uscc);
            return;
        }
        if (quota == 0) {
            return;
        }
        byte[] score = scoreOf(uscc);
        long high = high(score);
        if (size < quota) {
            siftUp(size++, high, score, uscc);
        } else if (compare(high, score, uscc, 0) < 0) {
            siftDown(high, score, uscc);
        }
    }

    /**
     * Feeds a whole pool in its stored form, {@code uscc + "\n"} per member in UTF-8 and canonical order, with the
     * outcome of {@link #accept} per member, errors included: the bytes are hashed in one pass and ordered, matched
     * against the exclusions and scored where they lie, and only members entering the selection heap become Strings
     * (a million Strings, their copies and per-character loops were half of ranking's time, JFR: docs/performance.md).
     * UTF-8 byte order is the canonical order itself. Bytes after the last newline are hashed but are no member, so
     * the pool hash will not match. Only with canonical order required, and as the ranking's only input.
     */
    public void acceptEncoded(byte[] pool) {
        if (!requireCanonicalOrder || encodedCount >= 0 || hasher.count() > 0) {
            throw new IllegalStateException("an encoded pool is ranked in canonical order, alone and once");
        }
        byte[][] excludedBytes = new byte[sortedExcluded.length][];
        for (int i = 0; i < excludedBytes.length; i++) {
            excludedBytes[i] = sortedExcluded[i].getBytes(StandardCharsets.UTF_8);
        }
        long count = 0;
        int previous = -1;
        int previousEnd = -1;
        int start = 0;
        for (int end = 0; end < pool.length; end++) {
            if (pool[end] != '\n') {
                continue;
            }
            count++;
            int length = end - start;
            if (length == 0 || length > 40 && utf8(pool, start, end).length() > 40) {
                throw new DrawInputException("pools." + stratumId, "member " + count + " is not a USCC: '"
                        + utf8(pool, start, end) + "'");
            }
            if (previous >= 0 && Arrays.compareUnsigned(pool, previous, previousEnd, pool, start, end) >= 0) {
                throw new DrawInputException("pools." + stratumId, "not in canonical order: member " + count + " '"
                        + utf8(pool, start, end) + "' does not sort after '" + utf8(pool, previous, previousEnd) + "'");
            }
            previous = start;
            previousEnd = end;
            start = end + 1;
            while (nextExcluded < excludedBytes.length && Arrays.compareUnsigned(excludedBytes[nextExcluded], 0,
                    excludedBytes[nextExcluded].length, pool, previous, end) < 0) {
                if (firstMissing == null) {
                    firstMissing = sortedExcluded[nextExcluded];
                }
                nextExcluded++;
            }
            if (nextExcluded < excludedBytes.length && Arrays.equals(excludedBytes[nextExcluded], 0,
                    excludedBytes[nextExcluded].length, pool, previous, end)) {
                nextExcluded++;
                excludedMatched++;
                continue;
            }
            if (quota == 0) {
                continue;
            }
            byte[] score;
            int n = SUBJECT_PREFIX.length;
            if (n + length <= message.length) {
                System.arraycopy(pool, previous, message, n, length);
                score = hmac.mac(message, 0, n + length);
            } else {
                byte[] longer = new byte[n + length];
                System.arraycopy(SUBJECT_PREFIX, 0, longer, 0, n);
                System.arraycopy(pool, previous, longer, n, length);
                score = hmac.mac(longer);
            }
            long high = high(score);
            if (size < quota) {
                siftUp(size++, high, score, utf8(pool, previous, end));
            } else {
                int c = compareScores(high, score, 0);
                String uscc = c <= 0 ? utf8(pool, previous, end) : null;
                if (c < 0 || c == 0 && PoolHasher.compareBytes(uscc, heapUscc[0]) < 0) {
                    siftDown(high, score, uscc);
                }
            }
        }
        encodedCount = count;
        encodedSha256 = Sha256.hex(pool);
    }

    private static String utf8(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private byte[] scoreOf(String uscc) {
        int n = SUBJECT_PREFIX.length;
        boolean ascii = n + uscc.length() <= message.length;
        for (int i = 0; ascii && i < uscc.length(); i++) {
            char c = uscc.charAt(i);
            if (c >= 0x80) {
                ascii = false;
            } else {
                message[n + i] = (byte) c;
            }
        }
        return ascii ? hmac.mac(message, 0, n + uscc.length()) : score(hmac, uscc);
    }

    /** An excluded USCC that never occurred in the pool (the smallest), or null if every exclusion was a member. */
    public String missingExclusion() {
        if (sortedExcluded != null) {
            if (firstMissing != null) {
                return firstMissing;
            }
            return nextExcluded < sortedExcluded.length ? sortedExcluded[nextExcluded] : null;
        }
        if (excludedSeen.size() == excluded.size()) {
            return null;
        }
        return excluded.stream().filter(u -> !excludedSeen.contains(u)).min(PoolHasher::compareBytes).orElseThrow();
    }

    /** Members streamed so far. */
    public long count() {
        return encodedCount >= 0 ? encodedCount : hasher.count();
    }

    /**
     * Ends the stream: ranks the selection and finishes the pool hash. Check {@link #missingExclusion()} afterwards.
     */
    public StratumResult finish() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> compare(heapHigh[a], heapScore[a], heapUscc[a], b));
        List<Selection> selections = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            selections.add(new Selection(i + 1, heapUscc[order[i]], Hex.of(heapScore[order[i]])));
        }
        String cutoff = size == 0 ? null : selections.get(size - 1).score();
        int excludedCount = sortedExcluded != null ? excludedMatched : excludedSeen.size();
        long count = count();
        String sha256 = encodedCount >= 0 ? encodedSha256 : hasher.sha256();
        return new StratumResult(stratumId, count, sha256, excludedCount, count - excludedCount, quota, cutoff,
                selections);
    }

    private static long high(byte[] score) {
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = h << 8 | (score[i] & 0xff);
        }
        return h;
    }

    // Scores are 256-bit numbers; equal scores (a SHA-256 collision) would fall back to the USCC's byte order.
    private int compare(long high, byte[] score, String uscc, int slot) {
        int c = compareScores(high, score, slot);
        return c != 0 ? c : PoolHasher.compareBytes(uscc, heapUscc[slot]);
    }

    private int compareScores(long high, byte[] score, int slot) {
        int c = Long.compareUnsigned(high, heapHigh[slot]);
        return c != 0 ? c : Arrays.compareUnsigned(score, heapScore[slot]);
    }

    private void siftUp(int i, long high, byte[] score, String uscc) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (compare(high, score, uscc, parent) <= 0) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, high, score, uscc);
    }

    /** Replaces the root (the highest kept score) and restores the heap. */
    private void siftDown(long high, byte[] score, String uscc) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && compare(heapHigh[right], heapScore[right], heapUscc[right], child) > 0) {
                child = right;
            }
            if (compare(high, score, uscc, child) >= 0) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, high, score, uscc);
    }

    private void move(int from, int to) {
        set(to, heapHigh[from], heapScore[from], heapUscc[from]);
    }

    private void set(int i, long high, byte[] score, String uscc) {
        heapHigh[i] = high;
        heapScore[i] = score;
        heapUscc[i] = uscc;
    }
}
