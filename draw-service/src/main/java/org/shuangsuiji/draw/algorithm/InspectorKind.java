package org.shuangsuiji.draw.algorithm;

/** 执法人员 (enforcement officer) or 辅助技术专家 (assisting technical expert). */
public enum InspectorKind {
    OFFICER,
    EXPERT
}
