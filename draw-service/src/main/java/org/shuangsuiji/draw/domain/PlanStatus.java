package org.shuangsuiji.draw.domain;

/**
 * draft → filed (备案 with the upper level) → published (public) → adjusting → published again (a new revision with
 * its reason). Tasks change only in DRAFT and ADJUSTING; what the public saw is kept as revisions.
 */
public enum PlanStatus {
    DRAFT,
    FILED,
    PUBLISHED,
    ADJUSTING
}
