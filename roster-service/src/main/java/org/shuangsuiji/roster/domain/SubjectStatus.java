package org.shuangsuiji.roster.domain;

/** 存续 active; 注销 deregistered, 吊销 revoked, 迁出 moved out: never drawable. */
public enum SubjectStatus {
    ACTIVE,
    DEREGISTERED,
    REVOKED,
    MOVED_OUT;

    public boolean drawable() {
        return this == ACTIVE;
    }
}
