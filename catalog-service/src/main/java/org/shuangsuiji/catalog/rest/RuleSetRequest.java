package org.shuangsuiji.catalog.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.shuangsuiji.catalog.domain.InspectionWindow;

/**
 * Implementation rules (细则) of a department, or of one of its items when {@code itemCode} is given. Omitted
 * optional fields take the seeds' defaults: minimum count 3, 5 working days to inspect, 20 to enter results.
 * Ratios and windows are checked by {@code RuleService}, which names the offending field.
 */
public record RuleSetRequest(
        @NotBlank(message = "is required") String department,
        String itemCode,
        @NotNull(message = "is required: {A, B, C, D} ratios per credit-risk class") @Valid Ratios ratios,
        @Min(value = 1, message = "must be at least 1") @Max(value = 10000, message = "must be at most 10000")
        Integer minimumCount,
        @Min(value = 1, message = "must be at least 1 (or null for no cap)") @Max(value = 52, message = "must be at most 52")
        Integer maxInspectionsPerSubjectPerYear,
        @Size(max = 12, message = "must list at most 12 windows") List<@NotNull(message = "must not be null") InspectionWindow> windows,
        Boolean classANotTwicePerYear,
        @Min(value = 1, message = "must be at least 1 working day") @Max(value = 60, message = "must be at most 60")
        Integer inspectWorkingDays,
        @Min(value = 1, message = "must be at least 1 working day") @Max(value = 120, message = "must be at most 120")
        Integer resultEntryWorkingDays,
        @Size(max = 2000, message = "must be at most 2000 characters") String remarks,
        @Size(max = 500, message = "must be at most 500 characters") String comment) {

    /** Ratio per credit-risk class (A 低风险 … D 高风险), decimal strings or numbers in (0, 1]. */
    public record Ratios(
            @JsonProperty("A") @NotNull(message = "is required") BigDecimal A,
            @JsonProperty("B") @NotNull(message = "is required") BigDecimal B,
            @JsonProperty("C") @NotNull(message = "is required") BigDecimal C,
            @JsonProperty("D") @NotNull(message = "is required") BigDecimal D) {}

    public static final int DEFAULT_MINIMUM_COUNT = 3;
    public static final int DEFAULT_INSPECT_DAYS = 5;
    public static final int DEFAULT_RESULT_DAYS = 20;
}
