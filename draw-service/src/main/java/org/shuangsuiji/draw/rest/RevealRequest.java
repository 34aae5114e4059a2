package org.shuangsuiji.draw.rest;

import jakarta.validation.constraints.NotBlank;

/** One announced value, now known; a witness value comes with the salt that opens its commitment. */
public record RevealRequest(
        @NotBlank(message = "is required: the announced source's name") String name,
        @NotBlank(message = "is required") String value,
        String salt,
        String sourceReference) {}
