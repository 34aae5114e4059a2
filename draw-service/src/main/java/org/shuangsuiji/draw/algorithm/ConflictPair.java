package org.shuangsuiji.draw.algorithm;

/**
 * A declared conflict of interest (回避): the inspector may not inspect the subject. Confidential; only the matrix
 * hash is published ({@link ConflictMatrix#sha256()}).
 */
public record ConflictPair(String inspectorId, String uscc) {}
