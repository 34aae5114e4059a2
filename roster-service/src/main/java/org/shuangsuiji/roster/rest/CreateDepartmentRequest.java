package org.shuangsuiji.roster.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.shuangsuiji.roster.domain.DepartmentLevel;

public record CreateDepartmentRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "must be 2-40 upper-case letters, digits or '-'")
        String code,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotNull(message = "is required (PROVINCE, CITY or COUNTY)") DepartmentLevel level,
        @NotNull(message = "is required")
        @org.shuangsuiji.roster.domain.ValidDivision
        String divisionCode,
        String parentCode) {}
