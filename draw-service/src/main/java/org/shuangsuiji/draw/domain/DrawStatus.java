package org.shuangsuiji.draw.domain;

/** ANNOUNCED (inputs frozen, waiting for entropy) → COMPUTED (final; the database refuses any later change). */
public enum DrawStatus {
    ANNOUNCED,
    COMPUTED
}
