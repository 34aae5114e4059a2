package org.shuangsuiji.draw.algorithm.record;

/**
 * One selected subject.
 *
 * @param rank  1-based rank in its stratum
 * @param uscc  the subject
 * @param score {@code ssj-keyed-rank/1}: HMAC-SHA-256(key, "subject:" + uscc), 64 lower-case hex;
 *              {@code rfc3797/1}: the MD5 value of that step, 32 lower-case hex
 */
public record Selection(int rank, String uscc, String score) {}
