package org.shuangsuiji.catalog.service;

/** What a write of an item's content did: the basis of the import report and of idempotent re-imports. */
public enum EditOutcome {
    /** A new code, version 1. */
    CREATED,
    /** The open draft was changed. */
    UPDATED,
    /** The latest version was published or retired: the change is a draft of the next version. */
    NEW_VERSION,
    /** The content equals the latest version's: nothing was written. */
    UNCHANGED
}
