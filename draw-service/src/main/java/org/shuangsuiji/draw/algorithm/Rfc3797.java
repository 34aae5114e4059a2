package org.shuangsuiji.draw.algorithm;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 3797 section 4, exactly: the key string is built from the sources (each a list of non-negative integers,
 * sorted ascending, each written in decimal without leading zeros and followed by ".", each source followed by
 * "/"); selection step i (0, 1, 2, …) takes MD5 of the 2-byte big-endian i, the key string and i again, reads the
 * 128-bit result as an unsigned integer, and picks number (value mod remaining) + 1 of the items not yet picked,
 * which are renumbered 1.. in their original order after each pick.
 */
public final class Rfc3797 {
    public static final String ALGORITHM = "rfc3797/1";
    /** The RFC's index is two bytes: at most 65 536 selection steps over a whole draw. */
    public static final int MAX_STEPS = 65_536;
    /** The pool is held in memory (a numbered list): this algorithm is meant for small pools. */
    public static final int MAX_POOL = 100_000;
    private static final Pattern INTEGERS = Pattern.compile("[0-9]+( [0-9]+)*");

    private Rfc3797() {}

    /**
     * The RFC's key string. Each source value is one or more non-negative decimal integers separated by single spaces
     * (e.g. a lottery's winning numbers {@code "2 5 12 8 10"}); they are sorted numerically.
     *
     * @throws DrawInputException naming {@code entropy[i].value} if a value is not of that form
     */
    public static String keyString(List<String> sourceValues) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < sourceValues.size(); i++) {
            String value = sourceValues.get(i);
            if (value == null || !INTEGERS.matcher(value).matches()) {
                throw new DrawInputException("entropy[" + i + "].value", "rfc3797/1 needs non-negative integers"
                        + " separated by single spaces (got '" + value + "')");
            }
            BigInteger[] numbers = Arrays.stream(value.split(" ")).map(BigInteger::new).sorted()
                    .toArray(BigInteger[]::new);
            for (BigInteger n : numbers) {
                key.append(n.toString()).append('.');
            }
            key.append('/');
        }
        return key.toString();
    }

    /** MD5(i as 2 bytes big-endian | key string | i as 2 bytes big-endian). */
    public static byte[] digest(String keyString, int index) {
        if (index < 0 || index >= MAX_STEPS) {
            throw new DrawInputException("quota", "rfc3797/1 allows at most " + MAX_STEPS + " selection steps");
        }
        byte[] key = keyString.getBytes(StandardCharsets.US_ASCII);
        byte[] in = new byte[key.length + 4];
        in[0] = (byte) (index >>> 8);
        in[1] = (byte) index;
        System.arraycopy(key, 0, in, 2, key.length);
        in[in.length - 2] = (byte) (index >>> 8);
        in[in.length - 1] = (byte) index;
        try {
            return MessageDigest.getInstance("MD5").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** One selection step. */
    public record Pick(int index, String md5Hex, int selected) {}

    /**
     * Selects {@code count} of the items numbered 1..{@code poolSize}.
     *
     * @param firstIndex the RFC index of the first step (0 for a single selection; a stratified draw continues the
     *                   index over its strata in announced order)
     * @return the picks in selection order, {@code selected} being the original 1-based number
     */
    public static List<Pick> select(String keyString, int poolSize, int count, int firstIndex) {
        if (count > poolSize) {
            throw new DrawInputException("quota", "cannot select " + count + " of " + poolSize);
        }
        OrderStatistics remaining = new OrderStatistics(poolSize);
        List<Pick> picks = new ArrayList<>(count);
        for (int step = 0; step < count; step++) {
            int index = firstIndex + step;
            byte[] md5 = digest(keyString, index);
            int left = poolSize - step;
            int k = new BigInteger(1, md5).mod(BigInteger.valueOf(left)).intValueExact() + 1;
            int selected = remaining.removeKth(k);
            picks.add(new Pick(index, Hex.of(md5), selected));
        }
        return picks;
    }

    /** A Fenwick tree over 1..n that finds and removes the k-th remaining number in O(log n). */
    private static final class OrderStatistics {
        private final int[] tree;
        private final int n;
        private final int top;

        OrderStatistics(int n) {
            this.n = n;
            tree = new int[n + 1];
            for (int i = 1; i <= n; i++) {
                tree[i] += 1;
                int parent = i + (i & -i);
                if (parent <= n) {
                    tree[parent] += tree[i];
                }
            }
            int t = 1;
            while (t * 2 <= n) {
                t *= 2;
            }
            top = t;
        }

        int removeKth(int k) {
            int pos = 0;
            for (int step = top; step > 0; step >>= 1) {
                int next = pos + step;
                if (next <= n && tree[next] < k) {
                    pos = next;
                    k -= tree[next];
                }
            }
            int found = pos + 1;
            for (int i = found; i <= n; i += i & -i) {
                tree[i]--;
            }
            return found;
        }
    }
}
