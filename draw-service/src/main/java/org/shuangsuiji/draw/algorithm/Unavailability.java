package org.shuangsuiji.draw.algorithm;

import java.time.LocalDate;

/**
 * A period (inclusive) in which an inspector cannot inspect: leave, training.
 *
 * @param from   first day
 * @param to     last day
 * @param reason e.g. {@code LEAVE}
 */
public record Unavailability(LocalDate from, LocalDate to, String reason) {}
