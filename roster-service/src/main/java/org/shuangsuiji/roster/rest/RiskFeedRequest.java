package org.shuangsuiji.roster.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A classification batch: every listed subject gets its class as of {@code asOf} from {@code source}. */
public record RiskFeedRequest(
        @NotBlank(message = "is required, e.g. 山西省市场监管局 2024Q2 企业信用风险分类")
        @Size(max = 200, message = "must be at most 200 characters")
        String source,
        @NotNull(message = "is required (YYYY-MM-DD)") LocalDate asOf,
        @NotNull(message = "is required") @NotEmpty(message = "must list at least one subject") List<Entry> entries) {

    public record Entry(String uscc, String riskClass) {}
}
