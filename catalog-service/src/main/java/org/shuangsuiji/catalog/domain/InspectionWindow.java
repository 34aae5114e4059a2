package org.shuangsuiji.catalog.domain;

/** A yearly recurring period in which inspections may take place, both ends inclusive, as {@code MM-DD}. */
public record InspectionWindow(String from, String to) {}
