package org.shuangsuiji.roster.domain;

/** 企业信用风险分类: A 低风险, B 一般风险, C 较高风险, D 高风险. Confidential: never on anything public. */
public enum RiskClass {
    A,
    B,
    C,
    D
}
