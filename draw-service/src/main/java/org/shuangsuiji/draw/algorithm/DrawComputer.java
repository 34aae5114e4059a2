package org.shuangsuiji.draw.algorithm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.shuangsuiji.draw.algorithm.record.Announcement;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;
import org.shuangsuiji.draw.algorithm.record.Selection;
import org.shuangsuiji.draw.algorithm.record.Stratum;
import org.shuangsuiji.draw.algorithm.record.StratumResult;

/**
 * The whole computation of a draw from its frozen inputs and revealed entropy. The service calls
 * {@link #compute}; the verifier calls the same steps one by one to name the first discrepancy.
 */
public final class DrawComputer {
    private DrawComputer() {}

    /**
     * Computes the record.
     *
     * @param announcement the published announcement (validated again here)
     * @param entropy      the revealed values in announced order (checked against the sources and commitments)
     * @param pools        streams each stratum's frozen pool in canonical order
     * @param inspectors   the frozen eligible-inspector list (its hash must equal the announced one)
     * @param conflicts    the frozen conflict matrix (its hash must equal the announced one)
     * @param computedBy   who triggered the computation
     * @param computedAt   when
     * @throws DrawInputException if any input breaks a rule or differs from what was announced
     */
    public static DrawRecord compute(Announcement announcement, List<EntropyValue> entropy, PoolSource pools,
            List<InspectorCandidate> inspectors, ConflictMatrix conflicts, String computedBy, Instant computedAt) {
        return compute(announcement, entropy, pools, inspectors, conflicts, computedBy, computedAt, null);
    }

    /**
     * {@link #compute(Announcement, List, PoolSource, List, ConflictMatrix, String, Instant)} with the strata ranked
     * on {@code executor}'s threads ({@link #select(Announcement, byte[], List, PoolSource, Executor)}); the record is
     * the same.
     */
    public static DrawRecord compute(Announcement announcement, List<EntropyValue> entropy, PoolSource pools,
            List<InspectorCandidate> inspectors, ConflictMatrix conflicts, String computedBy, Instant computedAt,
            Executor executor) {
        return rank(announcement, entropy, pools, inspectors, conflicts, executor)
                .withTeams(inspectors, conflicts, computedBy, computedAt);
    }

    /**
     * {@link #compute} in two steps, for a caller that stores the selections while the teams are assigned: every check
     * of the inputs and the ranking of the strata, then {@link Ranked#withTeams}. The record is the same.
     */
    public static Ranked rank(Announcement announcement, List<EntropyValue> entropy, PoolSource pools,
            List<InspectorCandidate> inspectors, ConflictMatrix conflicts, Executor executor) {
        Announcements.validate(announcement);
        checkFrozenInspectors(announcement, inspectors, conflicts);
        Entropy.checkReveal(announcement.entropySources(), entropy);
        String announcementSha256 = Announcements.sha256(announcement);
        byte[] key = KeyDerivation.deriveKey(announcementSha256, entropy);
        List<StratumResult> selections = select(announcement, key, Announcements.values(entropy), pools, executor);
        return new Ranked(announcement, announcementSha256, entropy, key, selections);
    }

    /** A draw's inputs checked and its strata ranked: everything of the record but the teams. */
    public record Ranked(Announcement announcement, String announcementSha256, List<EntropyValue> entropy, byte[] key,
            List<StratumResult> selections) {

        /**
         * The record, with the teams assigned to the selections.
         *
         * @throws DrawInputException if one subject is selected in two strata (strata must be disjoint)
         */
        public DrawRecord withTeams(List<InspectorCandidate> inspectors, ConflictMatrix conflicts, String computedBy,
                Instant computedAt) {
            TeamAssigner.Outcome teams = teams(announcement, key, selections, inspectors, conflicts);
            return new DrawRecord(DrawRecord.FORMAT, announcement, announcementSha256, entropy, Hex.of(key),
                    selections, teams.teams(), teams.infeasible(), computedAt, computedBy);
        }
    }

    /** Refuses an inspector list or conflict matrix that is not the one announced. */
    public static void checkFrozenInspectors(Announcement announcement, List<InspectorCandidate> inspectors,
            ConflictMatrix conflicts) {
        String inspectorsSha256 = InspectorPools.sha256(inspectors);
        if (inspectors.size() != announcement.inspectors().count()
                || !inspectorsSha256.equals(announcement.inspectors().sha256())) {
            throw new DrawInputException("inspectors", "the list has " + inspectors.size() + " inspectors with sha256 "
                    + inspectorsSha256 + ", the announcement froze " + announcement.inspectors().count()
                    + " with sha256 " + announcement.inspectors().sha256());
        }
        String conflictsSha256 = conflicts.sha256();
        if (conflicts.count() != announcement.conflicts().count()
                || !conflictsSha256.equals(announcement.conflicts().sha256())) {
            throw new DrawInputException("conflicts", "the matrix has " + conflicts.count() + " pairs with sha256 "
                    + conflictsSha256 + ", the announcement froze " + announcement.conflicts().count()
                    + " with sha256 " + announcement.conflicts().sha256());
        }
    }

    /** Refuses a streamed pool whose count or hash differs from the announced one. */
    public static void checkPool(Announcement announcement, StratumResult result) {
        Stratum stratum = announcement.strata().stream().filter(s -> s.id().equals(result.stratum())).findFirst()
                .orElseThrow();
        if (result.poolCount() != stratum.poolCount() || !result.poolSha256().equals(stratum.poolSha256())) {
            throw new DrawInputException("pools." + stratum.id(), "the pool has " + result.poolCount()
                    + " members with sha256 " + result.poolSha256() + ", the announcement froze "
                    + stratum.poolCount() + " with sha256 " + stratum.poolSha256());
        }
    }

    /**
     * Selects every stratum in announced order with the announced algorithm, refusing a pool whose count or hash
     * differs from the announced one ({@link #checkPool}) or that lacks an excluded subject.
     *
     * @param entropyValues the revealed values in announced order (rfc3797/1 builds its key string from them)
     */
    public static List<StratumResult> select(Announcement announcement, byte[] key, List<String> entropyValues,
            PoolSource pools) {
        return select(announcement, key, entropyValues, pools, null);
    }

    /**
     * {@link #select(Announcement, byte[], List, PoolSource)}, {@code ssj-keyed-rank/1} strata ranked in parallel on
     * {@code executor} (each stratum's ranking depends only on the key, the stratum's pool and its exclusions, so the
     * results are the same as ranked one after the other). {@code pools} is then called from the executor's threads,
     * one stratum per call, and must allow that. The first stratum in announced order that fails is reported, as when
     * ranked in turn. {@code executor} null, or {@code rfc3797/1} (one index runs through all strata): in turn on the
     * calling thread.
     */
    public static List<StratumResult> select(Announcement announcement, byte[] key, List<String> entropyValues,
            PoolSource pools, Executor executor) {
        Map<String, Set<String>> exclusions = Announcements.exclusionsByStratum(announcement);
        List<StratumResult> results = new ArrayList<>();
        boolean rfc = Rfc3797.ALGORITHM.equals(announcement.selectionAlgorithm());
        if (!rfc && executor != null && announcement.strata().size() > 1) {
            List<CompletableFuture<StratumResult>> ranked = new ArrayList<>();
            for (Stratum stratum : announcement.strata()) {
                Set<String> excluded = exclusions.get(stratum.id());
                ranked.add(CompletableFuture.supplyAsync(() -> rank(announcement, key, stratum, excluded, pools),
                        executor));
            }
            for (CompletableFuture<StratumResult> f : ranked) {
                try {
                    results.add(f.join());
                } catch (CompletionException e) {
                    ranked.forEach(other -> other.cancel(false));
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw e;
                }
            }
            return results;
        }
        String keyString = rfc ? Rfc3797.keyString(entropyValues) : null;
        int rfcIndex = 0;
        for (Stratum stratum : announcement.strata()) {
            Set<String> excluded = exclusions.get(stratum.id());
            if (rfc) {
                results.add(selectRfc3797(announcement, stratum, excluded, keyString, rfcIndex, pools));
                rfcIndex += stratum.quota();
            } else {
                results.add(rank(announcement, key, stratum, excluded, pools));
            }
        }
        return results;
    }

    private static StratumResult rank(Announcement announcement, byte[] key, Stratum stratum, Set<String> excluded,
            PoolSource pools) {
        SubjectRanking ranking = new SubjectRanking(key, stratum.id(), stratum.quota(), excluded, true);
        if (pools instanceof PoolSource.Encoded encoded) {
            ranking.acceptEncoded(encoded.encoded(stratum.id()));
        } else {
            pools.forEachUscc(stratum.id(), ranking::accept);
        }
        StratumResult result = ranking.finish();
        checkPool(announcement, result);
        checkExclusions(stratum, ranking.missingExclusion());
        return result;
    }

    private static void checkExclusions(Stratum stratum, String missing) {
        if (missing != null) {
            throw new DrawInputException("exclusions", "stratum " + stratum.id() + ": excluded subject " + missing
                    + " is not in the stratum's pool");
        }
    }

    private static StratumResult selectRfc3797(Announcement announcement, Stratum stratum, Set<String> excluded, String keyString, int firstIndex,
            PoolSource pools) {
        PoolHasher hasher = new PoolHasher();
        List<String> eligible = new ArrayList<>();
        Set<String> excludedSeen = new HashSet<>();
        pools.forEachUscc(stratum.id(), uscc -> {
            hasher.add(uscc);
            if (!hasher.canonicalOrder()) {
                throw new DrawInputException("pools." + stratum.id(), "not in canonical order: "
                        + hasher.disorderDetail());
            }
            if (excluded.contains(uscc)) {
                excludedSeen.add(uscc);
            } else if (eligible.size() >= Rfc3797.MAX_POOL) {
                throw new DrawInputException("pools." + stratum.id(), Rfc3797.ALGORITHM + " is for pools of at most "
                        + Rfc3797.MAX_POOL);
            } else {
                eligible.add(uscc);
            }
        });
        String poolSha256 = hasher.sha256();
        StratumResult counted = new StratumResult(stratum.id(), hasher.count(), poolSha256, 0, 0, 0, null, null);
        checkPool(announcement, counted);
        checkExclusions(stratum, excluded.stream().filter(u -> !excludedSeen.contains(u))
                .min(PoolHasher::compareBytes).orElse(null));
        int quota = Math.min(stratum.quota(), eligible.size());
        List<Selection> selections = new ArrayList<>();
        for (Rfc3797.Pick pick : Rfc3797.select(keyString, eligible.size(), quota, firstIndex)) {
            selections.add(new Selection(selections.size() + 1, eligible.get(pick.selected() - 1), pick.md5Hex()));
        }
        return new StratumResult(stratum.id(), hasher.count(), poolSha256, excludedSeen.size(), eligible.size(),
                stratum.quota(), null, selections);
    }

    /**
     * Assigns teams to every selected subject, in ascending subject score over all strata.
     *
     * @throws DrawInputException if one subject is selected in two strata (strata must be disjoint)
     */
    public static TeamAssigner.Outcome teams(Announcement announcement, byte[] key, List<StratumResult> selections,
            List<InspectorCandidate> inspectors, ConflictMatrix conflicts) {
        List<TeamAssigner.Subject> subjects = new ArrayList<>();
        Map<String, String> stratumOf = new HashMap<>();
        for (StratumResult result : selections) {
            for (Selection s : result.selections()) {
                String other = stratumOf.put(s.uscc(), result.stratum());
                if (other != null) {
                    throw new DrawInputException("strata", "subject " + s.uscc() + " is selected in strata " + other
                            + " and " + result.stratum() + "; strata must be disjoint");
                }
                subjects.add(new TeamAssigner.Subject(s.uscc(), result.stratum()));
            }
        }
        TeamAssigner assigner = new TeamAssigner(key, announcement.team(), inspectors, conflicts);
        return assigner.assign(TeamAssigner.assignmentOrder(key, subjects));
    }
}
