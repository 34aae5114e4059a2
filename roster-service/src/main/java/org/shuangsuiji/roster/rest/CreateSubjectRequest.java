package org.shuangsuiji.roster.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.shuangsuiji.roster.domain.SubjectKind;
import org.shuangsuiji.roster.domain.SubjectStatus;
import org.shuangsuiji.roster.domain.ValidUscc;

public record CreateSubjectRequest(
        @ValidUscc String uscc,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotNull(message = "is required (ENTERPRISE, INDIVIDUAL, COOPERATIVE or OTHER)") SubjectKind kind,
        @NotNull(message = "is required")
        @Pattern(regexp = SubjectRules.INDUSTRY, message = SubjectRules.INDUSTRY_MESSAGE)
        String industryCode,
        @NotNull(message = "is required")
        @org.shuangsuiji.roster.domain.ValidDivision
        String divisionCode,
        @Size(max = 500, message = "must be at most 500 characters") String address,
        /** Defaults to ACTIVE. */
        SubjectStatus status,
        @NotNull(message = "is required") @NotEmpty(message = "must name at least one department directory")
        List<@NotBlank(message = "must be a department code") String> departments,
        List<@NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String> itemFamilies,
        @Valid RiskClassRequest risk) {}
