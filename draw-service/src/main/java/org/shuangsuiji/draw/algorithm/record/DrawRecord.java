package org.shuangsuiji.draw.algorithm.record;

import java.time.Instant;
import java.util.List;

/**
 * The computed draw. Immutable once written: its canonical JSON's SHA-256 is the record hash, and substitutions
 * are kept beside it as a hash chain starting from that hash ({@link Substitution#previousSha256()}).
 *
 * @param format             always {@link #FORMAT}
 * @param announcement       the announcement exactly as published
 * @param announcementSha256 SHA-256 of the announcement's canonical JSON
 * @param entropy            revealed values, in the announcement's source order
 * @param key                the derived 32-byte draw key, lower-case hex
 * @param selections         per stratum, in the announcement's stratum order
 * @param teams              teams in assignment order
 * @param infeasible         subjects without a valid team, in assignment order
 * @param computedAt         when computed (truncated to seconds)
 * @param computedBy         who triggered the computation
 */
public record DrawRecord(
        String format,
        Announcement announcement,
        String announcementSha256,
        List<EntropyValue> entropy,
        String key,
        List<StratumResult> selections,
        List<Team> teams,
        List<Infeasible> infeasible,
        Instant computedAt,
        String computedBy) {

    public static final String FORMAT = "ssj-draw-record/1";

    public DrawRecord {
        entropy = Lists.copy(entropy);
        selections = Lists.copy(selections);
        teams = Lists.copy(teams);
        infeasible = Lists.copy(infeasible);
        computedAt = Lists.seconds(computedAt);
    }
}
