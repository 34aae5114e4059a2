package org.shuangsuiji.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The keyed inspector order of one subject ({@code ssj-teams/1}): a Fisher–Yates shuffle of the indices 0..m-1 of the
 * frozen inspector list (sorted by id), produced lazily. Step j draws r uniformly from [j, m) and swaps positions j
 * and r; position j then holds the inspector at rank j. The uniform numbers come from the stream
 * HMAC-SHA-256(key, "team:" + uscc + ":" + c) for c = 0, 1, 2, … (decimal), each 32-byte block read as four unsigned
 * 64-bit big-endian numbers in order; a number u is used for range s as u mod s when u &lt; 2^64 − (2^64 mod s) and
 * skipped otherwise (no modulo bias). Producing the first t ranks costs about t/4 HMACs, not one per inspector.
 */
final class InspectorOrder {
    private final Hmac hmac;
    private final String prefix;
    private final int size;
    private final Map<Integer, Integer> swapped = new HashMap<>();
    private int[] ranks = new int[16];
    private int produced;
    private long[] block = new long[4];
    private int blockUsed = 4;
    private int blockCounter;

    InspectorOrder(Hmac hmac, String uscc, int size) {
        this.hmac = hmac;
        this.prefix = "team:" + uscc + ":";
        this.size = size;
    }

    int size() {
        return size;
    }

    /** The inspector index at rank {@code position} (0-based, below {@link #size()}). */
    int at(int position) {
        while (produced <= position) {
            produceNext();
        }
        return ranks[position];
    }

    private void produceNext() {
        int j = produced;
        int r = j + uniform(size - j);
        int atJ = swapped.getOrDefault(j, j);
        int atR = swapped.getOrDefault(r, r);
        swapped.put(r, atJ);
        swapped.put(j, atR);
        if (produced == ranks.length) {
            ranks = java.util.Arrays.copyOf(ranks, ranks.length * 2);
        }
        ranks[produced++] = atR;
    }

    private int uniform(int range) {
        if (range == 1) {
            // Still consume nothing: a range of one has one outcome. Keeps full enumeration at m - 1 draws.
            return 0;
        }
        long rem = Long.remainderUnsigned(-range, range);
        while (true) {
            long u = next();
            if (rem == 0 || Long.compareUnsigned(u, -rem) < 0) {
                return (int) Long.remainderUnsigned(u, range);
            }
        }
    }

    private long next() {
        if (blockUsed == 4) {
            byte[] mac = hmac.mac((prefix + blockCounter++).getBytes(StandardCharsets.UTF_8));
            for (int k = 0; k < 4; k++) {
                long v = 0;
                for (int b = 0; b < 8; b++) {
                    v = v << 8 | (mac[8 * k + b] & 0xff);
                }
                block[k] = v;
            }
            blockUsed = 0;
        }
        return block[blockUsed++];
    }
}
