package org.shuangsuiji.roster.domain;

/** 执法人员 or 辅助技术专家: experts may join a team but never count toward the minimum of two officers. */
public enum InspectorKind {
    OFFICER,
    EXPERT
}
