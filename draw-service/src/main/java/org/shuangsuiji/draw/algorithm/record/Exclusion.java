package org.shuangsuiji.draw.algorithm.record;

/**
 * A pool member removed before ranking.
 *
 * @param stratum the stratum id whose pool holds the subject
 * @param uscc    the subject
 * @param reason  code, e.g. {@code DRAWN_BY_OTHER_TASK}, {@code YEARLY_CAP}, {@code CLASS_A_TWICE_A_YEAR}
 * @param detail  free text, e.g. the other task's id
 */
public record Exclusion(String stratum, String uscc, String reason, String detail) {}
