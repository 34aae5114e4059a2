package org.shuangsuiji.roster.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.shuangsuiji.roster.domain.UnavailabilityReason;

/** A period (both dates inclusive) when the inspector cannot be drawn. */
public record UnavailabilityRequest(
        @NotNull(message = "is required (YYYY-MM-DD)") LocalDate from,
        @NotNull(message = "is required (YYYY-MM-DD)") LocalDate to,
        @NotNull(message = "is required (LEAVE, TRAINING, SECONDMENT or OTHER)") UnavailabilityReason reason,
        @Size(max = 500, message = "must be at most 500 characters") String note) {}
