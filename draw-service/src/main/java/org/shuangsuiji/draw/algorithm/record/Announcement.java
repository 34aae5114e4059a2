package org.shuangsuiji.draw.algorithm.record;

import java.time.Instant;
import java.util.List;

/**
 * What a draw commits to before any randomness exists. Its canonical JSON's SHA-256 (the announcement hash) is fixed
 * at announce time and enters the key derivation, so changing any field afterwards changes every result.
 *
 * @param format             always {@link #FORMAT}
 * @param drawId             the service's id of the draw
 * @param task               which task (plan line) is drawn
 * @param items              exact catalog versions checked, {@code code@version}, sorted
 * @param selectionAlgorithm {@code ssj-keyed-rank/1} (default) or {@code rfc3797/1}
 * @param keyDerivation      always {@code ssj-hkdf/1}
 * @param quotaRule          the rounding rule the quotas were computed with
 * @param strata             the frozen pools, in announced order (ids unique and opaque)
 * @param strataMapSha256    SHA-256 of the canonical JSON of the confidential {@link StrataMap} (classes, ratios)
 * @param exclusions         subjects removed from their stratum before ranking, sorted by (stratum, uscc), unique
 * @param inspectors         count and hash of the frozen eligible-inspector list ({@code InspectorPools})
 * @param conflicts          count and hash of the frozen conflict matrix (the pairs themselves stay confidential)
 * @param team               the team rules (algorithm {@code ssj-teams/1})
 * @param entropySources     the named future randomness, in the order it enters the key (names unique)
 * @param announcedAt        when the announcement was published (truncated to seconds)
 * @param announcedBy        who published it
 * @param schedule           the frequency rule and inspection windows that admitted the draw; absent in
 *                           announcements made before they were enforced
 */
public record Announcement(
        String format,
        String drawId,
        TaskRef task,
        List<String> items,
        String selectionAlgorithm,
        String keyDerivation,
        QuotaRule quotaRule,
        List<Stratum> strata,
        String strataMapSha256,
        List<Exclusion> exclusions,
        FrozenList inspectors,
        FrozenList conflicts,
        TeamRules team,
        List<EntropySource> entropySources,
        Instant announcedAt,
        String announcedBy,
        Schedule schedule) {

    public static final String FORMAT = "ssj-draw-announcement/1";

    public Announcement {
        items = Lists.copy(items);
        strata = Lists.copy(strata);
        exclusions = Lists.copy(exclusions);
        entropySources = Lists.copy(entropySources);
        announcedAt = Lists.seconds(announcedAt);
    }
}
