package org.shuangsuiji.roster.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.shuangsuiji.roster.domain.InspectorKind;
import org.shuangsuiji.roster.domain.ValidDivision;

/**
 * Replaces an inspector's data (certificate renewal, expertise, workload cap, region) as of the {@code revision} the
 * caller read; the department cannot change (register the person in the other department instead). {@code idNumber}
 * and {@code phone}: null keeps the stored value.
 */
public record UpdateInspectorRequest(
        @NotNull(message = "is required: the revision you read (optimistic locking)") Integer revision,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
        @NotNull(message = "is required (OFFICER or EXPERT)") InspectorKind kind,
        @Size(min = 4, max = 40, message = "must be 4-40 characters") String certificateNumber,
        LocalDate certificateValidFrom,
        LocalDate certificateValidTo,
        @NotNull(message = "is required") @ValidDivision String regionDivisionCode,
        @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more")
        @Max(value = 1000, message = "must be at most 1000")
        Integer yearlyWorkloadCap,
        List<@NotNull @Pattern(regexp = SubjectRules.TAG, message = SubjectRules.TAG_MESSAGE) String> expertise,
        String idNumber,
        @Pattern(regexp = "1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}", message = "must be a mobile (11 digits) or landline number")
        String phone) {}
