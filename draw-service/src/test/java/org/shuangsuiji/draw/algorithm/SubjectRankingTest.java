package org.shuangsuiji.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.draw.algorithm.record.Selection;
import org.shuangsuiji.draw.algorithm.record.StratumResult;

class SubjectRankingTest {
    private static final byte[] KEY = Hex.parse("6b1f3c2a9d8e7f60514233241506f7e8d9cabbac9d8e7f60514233241506f7e8");

    private static List<String> pool(int n) {
        TreeSet<String> pool = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            pool.add(DrawFixture.uscc(i));
        }
        return new ArrayList<>(pool);
    }

    private static StratumResult rank(List<String> pool, int quota, Set<String> excluded, boolean canonical) {
        SubjectRanking ranking = new SubjectRanking(KEY, "A", quota, excluded, canonical);
        pool.forEach(ranking::accept);
        return ranking.finish();
    }

    @Test
    void selectsTheLowestKeyedScoresWithTheirRanks() {
        List<String> pool = pool(500);
        StratumResult result = rank(pool, 25, Set.of(), true);

        Hmac hmac = new Hmac(KEY);
        List<String> byScore = new ArrayList<>(pool);
        byScore.sort(Comparator.comparing((String u) -> SubjectRanking.score(hmac, u), Arrays::compareUnsigned));
        assertThat(result.selections()).extracting(Selection::uscc).containsExactlyElementsOf(byScore.subList(0, 25));
        assertThat(result.selections()).extracting(Selection::rank).startsWith(1, 2, 3).endsWith(25);
        assertThat(result.selections().get(0).score())
                .isEqualTo(Hex.of(Hmac.of(KEY, ("subject:" + byScore.get(0)).getBytes(StandardCharsets.UTF_8))));
        assertThat(result.cutoffScore()).isEqualTo(result.selections().get(24).score());
    }

    @Test
    void everyEligibleSubjectAtOrBelowTheCutoffIsSelected() {
        List<String> pool = pool(300);
        StratumResult result = rank(pool, 12, Set.of(), true);
        Hmac hmac = new Hmac(KEY);
        long atOrBelow = pool.stream().filter(u -> Hex.of(SubjectRanking.score(hmac, u))
                .compareTo(result.cutoffScore()) <= 0).count();
        assertThat(atOrBelow).isEqualTo(12);
    }

    @Test
    void theResultDoesNotDependOnTheOrderSubjectsArriveIn() {
        List<String> pool = pool(400);
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(rank(shuffled, 30, Set.of(), false).selections())
                .isEqualTo(rank(pool, 30, Set.of(), true).selections());
    }

    @Test
    void aSmallerQuotaIsAPrefixOfALargerOne() {
        List<String> pool = pool(400);
        List<Selection> large = rank(pool, 40, Set.of(), true).selections();
        List<Selection> small = rank(pool, 15, Set.of(), true).selections();
        assertThat(large.subList(0, 15)).isEqualTo(small);
    }

    @Test
    void exclusionsAreRemovedBeforeRankingAndCounted() {
        List<String> pool = pool(200);
        StratumResult all = rank(pool, 10, Set.of(), true);
        String best = all.selections().get(0).uscc();
        StratumResult without = rank(pool, 10, Set.of(best), true);
        assertThat(without.selections()).extracting(Selection::uscc).doesNotContain(best);
        assertThat(without.selections().subList(0, 9)).extracting(Selection::uscc)
                .containsExactlyElementsOf(all.selections().subList(1, 10).stream().map(Selection::uscc).toList());
        assertThat(without.excluded()).isEqualTo(1);
        assertThat(without.eligible()).isEqualTo(199);
    }

    @Test
    void reportsAnExclusionThatIsNotInThePool() {
        SubjectRanking ranking = new SubjectRanking(KEY, "A", 3, Set.of("91140522MA09999999"), true);
        pool(20).forEach(ranking::accept);
        ranking.finish();
        assertThat(ranking.missingExclusion()).isEqualTo("91140522MA09999999");
    }

    @Test
    void mergingSortedExclusionsWithTheCanonicalPoolEqualsLookingThemUp() {
        List<String> pool = pool(600);
        Set<String> excluded = someAndTheEnds(pool, 11, 5);
        StratumResult merged = rank(pool, 40, excluded, true);
        StratumResult lookedUp = rank(pool, 40, excluded, false);
        assertThat(merged).isEqualTo(lookedUp);
        assertThat(merged.excluded()).isEqualTo(excluded.size());
        for (String missing : List.of("0", pool.get(300) + "0", "ZZZZ")) { // before, between and after the members
            Set<String> withMissing = new java.util.HashSet<>(excluded);
            withMissing.add(missing);
            withMissing.add("ZZZZZ");
            SubjectRanking sorted = new SubjectRanking(KEY, "A", 40, withMissing, true);
            SubjectRanking hashed = new SubjectRanking(KEY, "A", 40, withMissing, false);
            pool.forEach(sorted::accept);
            pool.forEach(hashed::accept);
            assertThat(sorted.finish()).isEqualTo(hashed.finish());
            assertThat(sorted.missingExclusion()).isEqualTo(hashed.missingExclusion()).isEqualTo(missing);
        }
    }

    /** About one member in {@code oneIn}, drawn with {@code seed}, plus the first and the last. */
    private static Set<String> someAndTheEnds(List<String> pool, long seed, int oneIn) {
        Random random = new Random(seed);
        Set<String> out = new java.util.HashSet<>();
        for (String u : pool) {
            if (random.nextInt(oneIn) == 0) {
                out.add(u);
            }
        }
        out.add(pool.get(0));
        out.add(pool.get(pool.size() - 1));
        return out;
    }

    private static byte[] stored(List<String> pool) {
        return PoolSource.Encoded.encode(pool);
    }

    @Test
    void rankingAStoredPoolWhereItsBytesLieEqualsRankingItMemberByMember() {
        List<String> pool = new ArrayList<>(pool(700));
        // members beyond USCCs' ASCII, one longer than the 64-byte message buffer once prefixed
        pool.addAll(List.of("91140522MA0000000é", "9114检查对象", "检".repeat(20), "\uD83D\uDE00x"));
        pool.sort(PoolHasher::compareBytes);
        Set<String> excluded = someAndTheEnds(pool, 5, 6);
        for (int quota : new int[] {0, 1, 40, pool.size()}) {
            for (Set<String> ex : List.of(Set.<String>of(), excluded, withMissing(excluded, "0"),
                    withMissing(excluded, pool.get(300) + "0"), withMissing(excluded, "\uFFFF"))) {
                SubjectRanking byMember = new SubjectRanking(KEY, "A", quota, ex, true);
                pool.forEach(byMember::accept);
                SubjectRanking encoded = new SubjectRanking(KEY, "A", quota, ex, true);
                encoded.acceptEncoded(stored(pool));
                assertThat(encoded.finish()).as("quota %d, %d excluded", quota, ex.size())
                        .isEqualTo(byMember.finish());
                assertThat(encoded.missingExclusion()).isEqualTo(byMember.missingExclusion());
                assertThat(encoded.count()).isEqualTo(pool.size());
            }
        }
    }

    private static Set<String> withMissing(Set<String> excluded, String missing) {
        Set<String> out = new java.util.HashSet<>(excluded);
        out.add(missing);
        return out;
    }

    @Test
    void aStoredPoolIsRefusedWithTheSameErrorsAsMemberByMember() {
        String tooLong = "9".repeat(41);
        for (List<String> bad : List.of(List.of("A", "", "B"), List.of("A", tooLong), List.of("B", "A"),
                List.of("A", "B", "B"), List.of("A", "检".repeat(41)))) {
            SubjectRanking byMember = new SubjectRanking(KEY, "C", 2, Set.of(), true);
            Throwable expected = org.assertj.core.api.Assertions.catchThrowable(() -> bad.forEach(byMember::accept));
            assertThat(expected).as(bad.toString()).isInstanceOf(DrawInputException.class);
            SubjectRanking encoded = new SubjectRanking(KEY, "C", 2, Set.of(), true);
            assertThatThrownBy(() -> encoded.acceptEncoded(stored(bad))).isInstanceOf(DrawInputException.class)
                    .hasMessage(expected.getMessage());
        }
    }

    @Test
    void aStoredPoolIsRankedAloneAndInCanonicalOrderOnly() {
        assertThatThrownBy(() -> new SubjectRanking(KEY, "A", 1, Set.of(), false).acceptEncoded(stored(List.of("A"))))
                .isInstanceOf(IllegalStateException.class);
        SubjectRanking ranking = new SubjectRanking(KEY, "A", 1, Set.of(), true);
        ranking.acceptEncoded(stored(List.of("A")));
        assertThatThrownBy(() -> ranking.accept("B")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ranking.acceptEncoded(stored(List.of("B")))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hashesThePoolAsRosterDoes() {
        StratumResult result = rank(List.of("A", "B"), 1, Set.of(), true);
        // printf '%s\n' A B | sha256sum
        assertThat(result.poolSha256()).isEqualTo("daee1cd25194ae952d046ad9b9c81d3c07dc5332440b58d6d7461b248be56712");
        assertThat(rank(List.of(), 3, Set.of(), true).poolSha256()).isEqualTo(Sha256.EMPTY);
    }

    @Test
    void refusesAPoolOutOfCanonicalOrder() {
        SubjectRanking ranking = new SubjectRanking(KEY, "B", 3, Set.of(), true);
        ranking.accept("91140522MA00000002");
        assertThatThrownBy(() -> ranking.accept("91140522MA00000001"))
                .isInstanceOf(DrawInputException.class)
                .hasMessageContaining("pools.B")
                .hasMessageContaining("does not sort after");
    }

    @Test
    void aQuotaAboveTheEligibleCountSelectsEveryone() {
        StratumResult result = rank(pool(5), 9, Set.of(), true);
        assertThat(result.selections()).hasSize(5);
    }
}
