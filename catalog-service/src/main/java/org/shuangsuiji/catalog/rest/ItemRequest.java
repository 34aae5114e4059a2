package org.shuangsuiji.catalog.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.shuangsuiji.catalog.domain.InspectionMethod;
import org.shuangsuiji.catalog.domain.ItemClass;
import org.shuangsuiji.catalog.domain.LegalBasis;

/**
 * An item version as an editor writes it ({@code POST /items}, {@code PUT /items/{code}}, one row of an import).
 * Omitted optional fields take the seeds' defaults: ratio 5 %, once a year, two inspectors.
 */
public record ItemRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = CODE, message = "must be 2-40 upper-case letters, digits or '-'")
        String code,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String category,
        @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
        String objectDescription,
        @NotBlank(message = "is required") String department,
        @NotNull(message = "is required") @NotEmpty(message = "must name at least one law or regulation")
        @Size(max = 30, message = "must name at most 30 laws or regulations")
        List<@Valid @NotNull(message = "must not be null") LegalBasis> legalBasis,
        @NotBlank(message = "is required") @Size(max = 4000, message = "must be at most 4000 characters") String content,
        @NotNull(message = "is required") @NotEmpty(message = "must name at least one method")
        List<@NotNull(message = "must be ON_SITE, DOCUMENTARY, ONLINE_MONITORING or COMMISSIONED_TESTING") InspectionMethod> methods,
        @NotNull(message = "is required: KEY (重点) or GENERAL (一般)") ItemClass itemClass,
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0 (不免抽) and at most 1")
        @DecimalMax(value = "1", message = "must be greater than 0 and at most 1")
        @Digits(integer = 1, fraction = 4, message = "must have at most 4 decimals")
        BigDecimal defaultRatio,
        @Min(value = 1, message = "must be at least 1 inspection per year") @Max(value = 12, message = "must be at most 12")
        Integer frequency,
        @Min(value = 2, message = "must be at least 2: inspections are made by two inspectors or more")
        @Max(value = 20, message = "must be at most 20")
        Integer minTeamSize,
        @Size(max = 20, message = "must list at most 20 tags")
        List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an upper-case tag code like GRAIN") String> requiredTags,
        @Size(max = 2000, message = "must be at most 2000 characters") String remarks,
        @Size(max = 500, message = "must be at most 500 characters") String comment) {

    public static final String CODE = "[A-Z0-9][A-Z0-9-]{1,39}";
    public static final BigDecimal DEFAULT_RATIO = new BigDecimal("0.05");
    public static final int DEFAULT_FREQUENCY = 1;
    public static final int DEFAULT_TEAM_SIZE = 2;
}
