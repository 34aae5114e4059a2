package org.shuangsuiji.roster.domain;

/** Why an inspector must recuse from a subject (回避). */
public enum ConflictKind {
    KINSHIP,
    FORMER_EMPLOYMENT,
    SHAREHOLDING,
    OTHER
}
