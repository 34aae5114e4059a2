package org.shuangsuiji.draw.domain;

/** Why a subject was taken out of a pool before the draw (名单比对 and the rules' caps), in order of precedence. */
public enum ExclusionReason {
    /** Drawn by another draw of an overlapping period in which one of this task's departments took part. */
    DRAWN_BY_OTHER_TASK,
    /** Drawn as often this year as the implementation rules allow (maxInspectionsPerSubjectPerYear). */
    YEARLY_CAP,
    /** A low-risk (class A) subject already drawn this year, where the rules say "not twice a year". */
    CLASS_A_TWICE_A_YEAR
}
