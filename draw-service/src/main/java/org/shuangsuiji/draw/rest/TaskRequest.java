package org.shuangsuiji.draw.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.shuangsuiji.draw.domain.DrawLevel;

/**
 * A plan line. {@code items} are exact published catalog versions {@code code@version}; a joint task may instead
 * (or also) name a 一业一查 scenario {@code code@version}, whose items each department brings. Ratios and the
 * minimum default to the lead department's implementation rules.
 */
public record TaskRequest(
        @NotBlank(message = "is required") String name,
        Boolean joint,
        String leadDepartment,
        List<@NotBlank(message = "must be a department code") String> cooperatingDepartments,
        @NotNull(message = "is required: CITY_CITY, CITY_COUNTY, COUNTY_COUNTY or CITY_COUNTY_JOINT") DrawLevel drawLevel,
        @Pattern(regexp = "[^@\\s]+@[1-9][0-9]*", message = "must be code@version") String scenario,
        List<@NotNull(message = "must be code@version")
             @Pattern(regexp = "[^@\\s]+@[1-9][0-9]*", message = "must be code@version") String> items,
        @Valid ScopeRequest scope,
        @Valid Ratios ratios,
        Integer minimumCount,
        @Size(max = 200, message = "must be at most 200 characters") String frequency,
        @NotNull(message = "is required") LocalDate periodFrom,
        @NotNull(message = "is required") LocalDate periodTo,
        Integer batches,
        Integer teamSize,
        String remarks) {

    /** Ratio per credit-risk class, A (low) to D (high): each in (0, 1], rising (non-decreasing) with risk. */
    public record Ratios(@JsonProperty("A") BigDecimal A, @JsonProperty("B") BigDecimal B,
            @JsonProperty("C") BigDecimal C, @JsonProperty("D") BigDecimal D) {}

    public record ScopeRequest(
            String department,
            String itemFamily,
            @Pattern(regexp = "[A-T][0-9]{0,4}", message = "must be a GB/T 4754 prefix: a section letter A-T and up to 4 digits")
            String industry,
            @Pattern(regexp = "[0-9]{1,6}", message = "must be 1-6 digits") String divisionPrefix,
            @Pattern(regexp = "ENTERPRISE|INDIVIDUAL|COOPERATIVE|OTHER",
                    message = "must be ENTERPRISE, INDIVIDUAL, COOPERATIVE or OTHER") String kind,
            List<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an upper-case tag code") String> tags) {}
}
