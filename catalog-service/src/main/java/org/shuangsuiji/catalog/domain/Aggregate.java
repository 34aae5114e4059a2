package org.shuangsuiji.catalog.domain;

/** The three versioned things the catalog owns; names the rows of the transition log. */
public enum Aggregate {
    ITEM,
    SCENARIO,
    RULES
}
