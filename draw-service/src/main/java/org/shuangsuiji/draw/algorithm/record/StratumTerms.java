package org.shuangsuiji.draw.algorithm.record;

/**
 * The confidential terms of one stratum (part of the {@link StrataMap}).
 *
 * @param stratum   the opaque stratum id of the announcement
 * @param riskClass e.g. {@code A}…{@code D}, {@code UNCLASSIFIED}
 * @param label     human label, e.g. 低风险
 * @param criteria  how the pool was obtained (roster snapshot query)
 * @param ratio     decimal string in (0, 1], e.g. {@code "0.40"}
 * @param minimum   minimum count (≥ 1)
 */
public record StratumTerms(String stratum, String riskClass, String label, String criteria, String ratio,
        int minimum) {}
