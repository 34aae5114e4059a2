package org.shuangsuiji.draw.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A new plan of the caller's department (the department comes from the token, never from the body). */
public record CreatePlanRequest(
        @NotNull(message = "is required") @Min(value = 2000, message = "must be 2000 or later")
        @Max(value = 2100, message = "must be 2100 or earlier") Integer year,
        @NotBlank(message = "is required") String title,
        Boolean joint,
        List<@NotBlank(message = "must be a department code") String> participatingDepartments) {}
