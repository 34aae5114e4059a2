package org.shuangsuiji.catalog.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.shuangsuiji.catalog.domain.LegalBasis;

public record CreateItemRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "must be 2-40 upper-case letters, digits or '-'")
        String code,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotBlank(message = "is required") String department,
        @NotNull(message = "is required") @NotEmpty(message = "must name at least one law or regulation")
        List<@Valid @NotNull LegalBasis> legalBasis) {}
