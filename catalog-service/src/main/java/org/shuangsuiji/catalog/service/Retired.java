package org.shuangsuiji.catalog.service;

import java.time.OffsetDateTime;

/** Data of {@code catalog.item.retired} and {@code catalog.scenario.retired}, schema version 1. */
public record Retired(String code, int version, OffsetDateTime retiredAt, String retiredBy) {

    public static final String ITEM_TYPE = "catalog.item.retired";
    public static final String SCENARIO_TYPE = "catalog.scenario.retired";
    public static final int SCHEMA_VERSION = 1;
}
