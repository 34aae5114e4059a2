package org.shuangsuiji.draw.algorithm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.shuangsuiji.draw.algorithm.record.QuotaRule;

/** The quota rule {@code ssj-quota/1}. */
public final class Quotas {
    public static final String RULE_ID = "ssj-quota/1";
    public static final String RULE_TEXT = "A stratum of N eligible subjects (its frozen pool minus its exclusions) yields"
            + " N if N < minimum, otherwise max(ceil(ratio × N), minimum); ratio is an exact decimal in (0, 1],"
            + " ceil is exact (no floating point), minimum ≥ 1.";
    public static final QuotaRule RULE = new QuotaRule(RULE_ID, RULE_TEXT);

    private Quotas() {}

    /**
     * The quota of a stratum.
     *
     * @param ratio    exact decimal in (0, 1]
     * @param minimum  at least 1
     * @param eligible N, the eligible count (≥ 0)
     * @return N if N &lt; minimum, else max(ceil(ratio × N), minimum)
     * @throws DrawInputException for a ratio outside (0, 1], a minimum below 1 or a negative N
     */
    public static int quota(BigDecimal ratio, int minimum, long eligible) {
        validate(ratio, minimum);
        if (eligible < 0) {
            throw new DrawInputException("eligible", "must not be negative");
        }
        if (eligible < minimum) {
            return (int) eligible;
        }
        BigDecimal product = ratio.multiply(BigDecimal.valueOf(eligible)).setScale(0, RoundingMode.CEILING);
        long n = Math.max(product.longValueExact(), minimum);
        if (n > Integer.MAX_VALUE) {
            throw new DrawInputException("eligible", "quota above " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** Parses and checks a ratio given as a decimal string. */
    public static BigDecimal ratio(String text) {
        BigDecimal ratio;
        try {
            ratio = new BigDecimal(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new DrawInputException("ratio", "must be a decimal number such as 0.05 (got " + text + ")");
        }
        validate(ratio, 1);
        return ratio;
    }

    private static void validate(BigDecimal ratio, int minimum) {
        if (ratio == null || ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw new DrawInputException("ratio", "must be above 0 and at most 1 (got " + ratio + ")");
        }
        if (minimum < 1) {
            throw new DrawInputException("minimum", "must be at least 1 (got " + minimum + ")");
        }
    }
}
