package org.shuangsuiji.roster.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Accept or reject a recusal request. When accepted it becomes a conflict of kind RECUSAL_REQUEST valid from
 * {@code validFrom} (default: the day the request was received) to {@code validTo} (default: open-ended).
 */
public record RecusalDecisionRequest(
        @NotNull(message = "is required (true to accept, false to reject)") Boolean accept,
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String reason,
        LocalDate validFrom,
        LocalDate validTo) {}
