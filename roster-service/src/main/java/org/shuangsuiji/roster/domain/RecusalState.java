package org.shuangsuiji.roster.domain;

/** Where an enterprise's recusal request stands; a decision is final. */
public enum RecusalState {
    PENDING,
    ACCEPTED,
    REJECTED
}
