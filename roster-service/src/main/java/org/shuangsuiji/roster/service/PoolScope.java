package org.shuangsuiji.roster.service;

import java.util.List;
import org.shuangsuiji.roster.domain.RiskClass;
import org.shuangsuiji.roster.domain.SubjectKind;

/**
 * Which subjects a drawable pool holds. Null or empty criteria do not restrict; only ACTIVE subjects are ever in a
 * pool. {@code industry} and {@code divisionPrefix} match code prefixes (C13 matches C1310); {@code tags} and
 * {@code riskClasses} match any of the listed values.
 */
public record PoolScope(
        String department,
        String itemFamily,
        String industry,
        String divisionPrefix,
        SubjectKind kind,
        List<String> tags,
        List<RiskClass> riskClasses) {

    public PoolScope {
        tags = tags == null ? List.of() : List.copyOf(tags);
        riskClasses = riskClasses == null ? List.of() : List.copyOf(riskClasses);
    }
}
