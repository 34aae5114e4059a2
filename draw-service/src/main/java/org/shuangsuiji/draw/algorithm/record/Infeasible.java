package org.shuangsuiji.draw.algorithm.record;

/**
 * A selected subject for which no team satisfies every rule. No rule is ever relaxed: the subject is reported.
 *
 * @param order   1-based position in the assignment order (shared with {@link Team#order()})
 * @param uscc    the subject
 * @param stratum the subject's stratum
 * @param reason  the first rule that could not be met, in words
 */
public record Infeasible(int order, String uscc, String stratum, String reason) {}
