package org.shuangsuiji.catalog.domain;

/** One published item version a department brings to a joint inspection, as {@code itemCode@itemVersion}. */
public record ScenarioItem(String department, String itemCode, int itemVersion) {}
