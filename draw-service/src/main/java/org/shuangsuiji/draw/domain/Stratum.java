package org.shuangsuiji.draw.domain;

/**
 * A pool is split by credit-risk class (企业信用风险分类); subjects without a class form their own stratum, drawn at
 * class B's ratio (一般风险), and do not count toward the risk-class application rate.
 */
public enum Stratum {
    A("低风险"),
    B("一般风险"),
    C("较高风险"),
    D("高风险"),
    UNCLASSIFIED("未分类");

    private final String label;

    Stratum(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isRiskClass() {
        return this != UNCLASSIFIED;
    }
}
