package org.shuangsuiji.draw.algorithm.record;

/**
 * The quota rounding rule, published with the task and the record.
 *
 * @param id   e.g. {@code ssj-quota/1}
 * @param text the rule in words
 */
public record QuotaRule(String id, String text) {}
