package org.shuangsuiji.roster.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record WithdrawConflictRequest(
        @NotBlank(message = "is required: why the conflict no longer applies")
        @Size(max = 1000, message = "must be at most 1000 characters")
        String reason) {}
