package org.shuangsuiji.roster.domain;

/** Why an inspector must recuse from a subject (回避). */
public enum ConflictKind {
    KINSHIP,
    FORMER_EMPLOYMENT,
    SHAREHOLDING,
    OTHER,
    /** 申请回避: the subject asked for the recusal and a department-admin accepted it. */
    RECUSAL_REQUEST
}
