package org.shuangsuiji.draw.algorithm.record;

import java.util.List;

/**
 * The confidential map from opaque stratum ids to risk classes and ratios. Only its SHA-256 (canonical JSON) is
 * published, in {@link Announcement#strataMapSha256()}; witnesses and auditors get the map itself and check it against
 * that hash and the quotas. The random nonce stops anyone from recovering the few possible maps by trying them
 * against the hash.
 *
 * @param format  always {@link #FORMAT}
 * @param nonce   at least 32 lower-case hex characters of fresh randomness, chosen at announce time
 * @param strata  the terms of every announced stratum, in the announcement's stratum order
 */
public record StrataMap(String format, String nonce, List<StratumTerms> strata) {

    public static final String FORMAT = "ssj-strata-map/1";

    public StrataMap {
        strata = Lists.copy(strata);
    }
}
