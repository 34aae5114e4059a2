package org.shuangsuiji.roster.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.shuangsuiji.roster.domain.ConflictKind;
import org.shuangsuiji.roster.domain.ValidUscc;

public record DeclareConflictRequest(
        @ValidUscc String uscc,
        @NotNull(message = "is required (KINSHIP, FORMER_EMPLOYMENT, SHAREHOLDING or OTHER)") ConflictKind kind,
        @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String reason,
        @NotNull(message = "is required (YYYY-MM-DD)") LocalDate validFrom,
        LocalDate validTo) {}
