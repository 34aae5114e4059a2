package org.shuangsuiji.draw.rest;

import jakarta.validation.constraints.NotBlank;

/** Replace a team member of one subject (recusal, unavailability) by the next eligible inspector in key order. */
public record SubstitutionRequest(
        @NotBlank(message = "is required") String uscc,
        @NotBlank(message = "is required: the inspector who leaves") String inspectorId,
        @NotBlank(message = "is required: why the inspector leaves") String reason) {}
