package org.shuangsuiji.catalog.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A 一业一查 scenario as the lead department's editor writes it. Each item is a published item version; the version
 * may be omitted to take the one published now, and is then pinned in the scenario.
 */
public record ScenarioRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = ItemRequest.CODE, message = "must be 2-40 upper-case letters, digits or '-'")
        String code,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Pattern(regexp = "[A-T](\\d{2}|\\d{3}|\\d{4})?", message = "must be a GB/T 4754 code: a letter A-T, optionally 2-4 digits (e.g. F5111)")
        String industryCode,
        @Size(max = 2000, message = "must be at most 2000 characters") String description,
        @NotBlank(message = "is required") String leadDepartment,
        @NotNull(message = "is required") @NotEmpty(message = "must name at least one cooperating department (配合部门)")
        @Size(max = 20, message = "must name at most 20 departments")
        List<@NotBlank(message = "must be a department code") String> cooperatingDepartments,
        @NotNull(message = "is required") @NotEmpty(message = "must list the items the departments bring")
        @Size(max = 100, message = "must list at most 100 items")
        List<@Valid @NotNull(message = "must not be null") ItemRef> items,
        @Size(max = 500, message = "must be at most 500 characters") String comment) {

    public record ItemRef(
            @NotBlank(message = "is required") String itemCode,
            @Min(value = 1, message = "must be 1 or more") Integer itemVersion) {}
}
