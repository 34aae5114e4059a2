package org.shuangsuiji.draw.algorithm.record;

/**
 * Count and SHA-256 (lower-case hex) of a list frozen at announce time whose content is not in the record.
 */
public record FrozenList(long count, String sha256) {}
