package org.shuangsuiji.catalog.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.shuangsuiji.catalog.domain.InspectionWindow;
import org.shuangsuiji.catalog.domain.RuleSet;

/** Data of {@code catalog.rules.published}, schema version 1. Key: {@code department} or {@code department/itemCode}. */
public record RulesPublished(
        String key,
        String department,
        String itemCode,
        int version,
        Ratios ratios,
        int minimumCount,
        Integer maxInspectionsPerSubjectPerYear,
        List<InspectionWindow> windows,
        boolean classANotTwicePerYear,
        int inspectWorkingDays,
        int resultEntryWorkingDays,
        OffsetDateTime publishedAt,
        String publishedBy) {

    public static final String TYPE = "catalog.rules.published";
    public static final int SCHEMA_VERSION = 1;

    /** Decimal strings, e.g. "0.30", per credit-risk class. */
    public record Ratios(
            @JsonProperty("A") String A, @JsonProperty("B") String B, @JsonProperty("C") String C,
            @JsonProperty("D") String D) {

        public static Ratios of(RuleSet r) {
            return new Ratios(text(r.ratioA), text(r.ratioB), text(r.ratioC), text(r.ratioD));
        }

        private static String text(BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
    }

    static RulesPublished of(RuleSet r) {
        return new RulesPublished(r.ruleKey, r.department, r.itemCode, r.version, Ratios.of(r), r.minimumCount,
                r.maxInspectionsPerSubjectPerYear, r.windows, r.classANotTwicePerYear, r.inspectWorkingDays,
                r.resultEntryWorkingDays, r.publishedAt, r.publishedBy);
    }
}
