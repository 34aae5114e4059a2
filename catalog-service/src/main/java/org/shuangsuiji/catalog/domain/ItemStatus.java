package org.shuangsuiji.catalog.domain;

public enum ItemStatus {
    DRAFT,
    PUBLISHED
}
