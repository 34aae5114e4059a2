package org.shuangsuiji.draw.algorithm.record;

import java.util.List;

/**
 * The computed selection of one stratum.
 *
 * @param stratum     the stratum id
 * @param poolCount   members counted while streaming the pool
 * @param poolSha256  hash recomputed while streaming (must equal the announced one)
 * @param excluded    pool members removed by exclusions
 * @param eligible    pool members ranked
 * @param quota       the announced quota
 * @param cutoffScore {@code ssj-keyed-rank/1}: the highest selected score — an eligible subject is selected if and only
 *                    if its score is at most this; null when nothing was selected or for {@code rfc3797/1}
 * @param selections  ranked selections, rank 1 first
 */
public record StratumResult(
        String stratum,
        long poolCount,
        String poolSha256,
        long excluded,
        long eligible,
        int quota,
        String cutoffScore,
        List<Selection> selections) {

    public StratumResult {
        selections = Lists.copy(selections);
    }
}
