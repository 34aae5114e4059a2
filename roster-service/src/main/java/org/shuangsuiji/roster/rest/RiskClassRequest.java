package org.shuangsuiji.roster.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.shuangsuiji.roster.domain.RiskClass;

public record RiskClassRequest(
        @NotNull(message = "is required (A, B, C or D)") RiskClass riskClass,
        @NotNull(message = "is required (YYYY-MM-DD)") LocalDate asOf,
        @NotBlank(message = "is required, e.g. the classification batch of the market regulator")
        @Size(max = 200, message = "must be at most 200 characters")
        String source) {}
