package org.shuangsuiji.roster.domain;

/** 企业, 个体工商户, 农民专业合作社, other registered entities. */
public enum SubjectKind {
    ENTERPRISE,
    INDIVIDUAL,
    COOPERATIVE,
    OTHER
}
