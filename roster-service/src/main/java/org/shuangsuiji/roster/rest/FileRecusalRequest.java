package org.shuangsuiji.roster.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.shuangsuiji.roster.domain.ValidUscc;

/** An enterprise's written request that an inspector be recused, recorded by a department-admin. */
public record FileRecusalRequest(
        @ValidUscc String uscc,
        @NotNull(message = "is required") UUID inspectorId,
        @NotBlank(message = "is required: who filed it for the enterprise") @Size(max = 200, message = "must be at most 200 characters")
        String applicant,
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String reason,
        @NotNull(message = "is required (YYYY-MM-DD): the day the request was received") LocalDate receivedOn) {}
