package org.shuangsuiji.catalog.domain;

/**
 * Where one version of an item, scenario or rule set stands. Only DRAFT is editable; PUBLISHED is what plans may
 * use; SUPERSEDED is a published version replaced by a newer one (still readable, still referenced by old draws).
 */
public enum LifecycleStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    PUBLISHED,
    SUPERSEDED,
    RETIRED;

    /** A version still in the making: at most one per code. */
    public boolean isOpen() {
        return this == DRAFT || this == SUBMITTED || this == APPROVED;
    }
}
