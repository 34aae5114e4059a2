package org.shuangsuiji.roster.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record TagRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = SubjectRules.TAG, message = SubjectRules.TAG_MESSAGE)
        String code) {}
