package org.shuangsuiji.roster.domain;

/** Why an inspector cannot be drawn for a while: 休假 leave, 培训 training, 借调 secondment, other. */
public enum UnavailabilityReason {
    LEAVE,
    TRAINING,
    SECONDMENT,
    OTHER
}
