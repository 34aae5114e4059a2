package org.shuangsuiji.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.draw.algorithm.record.Announcement;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.DrawRecords;
import org.shuangsuiji.draw.algorithm.record.Exclusion;
import org.shuangsuiji.draw.algorithm.record.Selection;
import org.shuangsuiji.draw.algorithm.record.StratumResult;

class DrawComputerTest {

    @Test
    void computesSelectionsPerStratumAndATeamForEverySelectedSubject() {
        DrawFixture fixture = new DrawFixture();
        DrawRecord record = fixture.compute();
        assertThat(record.format()).isEqualTo(DrawRecord.FORMAT);
        assertThat(record.announcementSha256()).isEqualTo(Announcements.sha256(fixture.announcement()));
        assertThat(record.selections()).extracting(StratumResult::stratum)
                .containsExactlyElementsOf(fixture.pools.keySet());
        assertThat(record.selections()).extracting(StratumResult::stratum).containsExactly("S1", "S2", "S3", "S4");
        // quotas by class: A 38 eligible × 0.10 → 4, B 24 × 0.20 → 5, C 12 × 0.30 → 4, D 2 (below the minimum 3)
        int[] quotas = {4, 5, 4, 2};
        for (int c = 0; c < 4; c++) {
            String id = fixture.stratumOf(DrawFixture.CLASSES[c]);
            assertThat(record.selections().stream().filter(r -> r.stratum().equals(id)).findFirst().orElseThrow()
                    .quota()).as("class %s", DrawFixture.CLASSES[c]).isEqualTo(quotas[c]);
        }
        assertThat(record.selections()).allSatisfy(r -> assertThat(r.selections()).hasSize(r.quota()));
        assertThat(record.teams().size() + record.infeasible().size()).isEqualTo(15);
        assertThat(record.selections()).flatExtracting(StratumResult::selections).extracting(Selection::uscc)
                .doesNotContainAnyElementsOf(fixture.exclusions.stream().map(e -> e.uscc()).toList());
    }

    @Test
    void theSameInputsAlwaysGiveTheSameRecord() {
        assertThat(DrawRecords.canonicalJson(new DrawFixture().compute()))
                .isEqualTo(DrawRecords.canonicalJson(new DrawFixture().compute()));
    }

    @Test
    void refusesAPoolThatDiffersFromTheAnnouncedOne() {
        DrawFixture fixture = new DrawFixture();
        Announcement announcement = fixture.announcement();
        fixture.pool("B").remove(5);
        assertThatThrownBy(() -> DrawComputer.compute(announcement, fixture.entropy(), fixture.poolSource(),
                fixture.inspectors, ConflictMatrix.of(fixture.conflicts), "x", Instant.EPOCH))
                .isInstanceOf(DrawInputException.class)
                .hasMessageStartingWith("pools." + fixture.stratumOf("B") + ": the pool has 24 members");
    }

    @Test
    void refusesAnInspectorListThatDiffersFromTheAnnouncedOne() {
        DrawFixture fixture = new DrawFixture();
        Announcement announcement = fixture.announcement();
        List<InspectorCandidate> changed = new ArrayList<>(fixture.inspectors);
        changed.remove(0);
        assertThatThrownBy(() -> DrawComputer.compute(announcement, fixture.entropy(), fixture.poolSource(), changed,
                ConflictMatrix.of(fixture.conflicts), "x", Instant.EPOCH)).hasMessageStartingWith("inspectors:");
    }

    @Test
    void refusesAQuotaThatDoesNotFollowTheRule() {
        DrawFixture fixture = new DrawFixture();
        Announcement a = fixture.announcement();
        List<org.shuangsuiji.draw.algorithm.record.Stratum> strata = new ArrayList<>(a.strata());
        int i = strata.indexOf(strata.stream().filter(x -> x.id().equals(fixture.stratumOf("A"))).findFirst()
                .orElseThrow());
        var s = strata.get(i);
        strata.set(i, new org.shuangsuiji.draw.algorithm.record.Stratum(s.id(), s.poolCount(), s.poolSha256(),
                s.eligible(), s.quota() - 1));
        Announcement bad = new Announcement(a.format(), a.drawId(), a.task(), a.items(), a.selectionAlgorithm(),
                a.keyDerivation(), a.quotaRule(), strata, a.strataMapSha256(), a.exclusions(), a.inspectors(),
                a.conflicts(), a.team(), a.entropySources(), a.announcedAt(), a.announcedBy(), a.schedule());
        Announcements.validate(bad); // the public rules cannot see the ratio
        assertThatThrownBy(() -> Announcements.validate(bad, fixture.strataMap()))
                .hasMessageStartingWith("strata." + fixture.stratumOf("A") + ".quota: ssj-quota/1 gives 4");
    }

    @Test
    void refusesExclusionsThatAreUnknownIncompleteOrOutOfOrderNamingTheFirst() {
        DrawFixture fixture = new DrawFixture();
        Announcement a = fixture.announcement();
        Exclusion first = a.exclusions().get(0);
        Exclusion second = a.exclusions().get(1);
        String stratum = first.stratum();
        assertThat(a.exclusions()).hasSize(3);
        Map<String, List<Exclusion>> refused = new LinkedHashMap<>();
        refused.put("exclusions[1].stratum: unknown stratum S9",
                List.of(first, new Exclusion("S9", second.uscc(), second.reason(), second.detail())));
        refused.put("exclusions[0].stratum: unknown stratum null",
                List.of(new Exclusion(null, first.uscc(), first.reason(), first.detail())));
        refused.put("exclusions[1].uscc: is required",
                List.of(first, new Exclusion(stratum, " ", second.reason(), second.detail())));
        refused.put("exclusions[0].reason: is required",
                List.of(new Exclusion(stratum, first.uscc(), "", first.detail())));
        refused.put("exclusions[1]: exclusions must be sorted by stratum, then USCC, without repeats",
                List.of(second, first));
        refused.put("exclusions[2]: exclusions must be sorted by stratum, then USCC, without repeats",
                List.of(first, second, second));
        refused.forEach((message, exclusions) -> assertThatThrownBy(() -> Announcements.validate(
                withExclusions(a, exclusions))).as(message).hasMessage(message));
    }

    private static Announcement withExclusions(Announcement a, List<Exclusion> exclusions) {
        return new Announcement(a.format(), a.drawId(), a.task(), a.items(), a.selectionAlgorithm(),
                a.keyDerivation(), a.quotaRule(), a.strata(), a.strataMapSha256(), exclusions, a.inspectors(),
                a.conflicts(), a.team(), a.entropySources(), a.announcedAt(), a.announcedBy(), a.schedule());
    }

    @Test
    void refusesAStrataMapThatIsNotTheAnnouncedOne() {
        DrawFixture fixture = new DrawFixture();
        Announcement a = fixture.announcement();
        Announcements.validate(a, fixture.strataMap());
        var map = fixture.strataMap();
        var other = new org.shuangsuiji.draw.algorithm.record.StrataMap(map.format(), "0".repeat(32), map.strata());
        assertThatThrownBy(() -> Announcements.validate(a, other)).hasMessageStartingWith("strataMapSha256:");
    }

    @Test
    void rfc3797DrawsContinueTheIndexAcrossStrata() {
        DrawFixture fixture = new DrawFixture(Rfc3797.ALGORITHM);
        DrawRecord record = fixture.compute();
        String key = Rfc3797.keyString(List.of(DrawFixture.LOTTERY_VALUE, DrawFixture.WITNESS_VALUE));
        assertThat(key).isEqualTo("3.8.9.15.22.27.31./738201./");
        List<String> eligible1 = new ArrayList<>(fixture.pools.get("S1"));
        fixture.exclusions.stream().filter(e -> e.stratum().equals("S1")).forEach(e -> eligible1.remove(e.uscc()));
        int quota1 = record.selections().get(0).quota();
        List<String> expected1 = Rfc3797.select(key, eligible1.size(), quota1, 0).stream()
                .map(p -> eligible1.get(p.selected() - 1)).toList();
        assertThat(record.selections().get(0).selections()).extracting(Selection::uscc)
                .containsExactlyElementsOf(expected1);
        assertThat(record.selections().get(1).selections().get(0).score())
                .isEqualTo(Hex.of(Rfc3797.digest(key, quota1)));
        assertThat(record.selections().get(0).cutoffScore()).isNull();
    }

    /** The worked example of docs/draw-algorithm.md section 14: if this fails, the document is wrong. */
    @Test
    void theWorkedExampleOfTheSpecificationHolds() {
        DrawRecord record = new DrawFixture().compute();
        assertThat(record.announcementSha256()).isEqualTo("711cc616608ed8a88a8302bf8bbbedac98687296594f4a9968c71bc8694037b2");
        assertThat(record.key()).isEqualTo("ec5f0e3e75bcafb0a6154dcb79c57e4052f94c0283a510b3481f3327be89c69d");
        assertThat(record.selections().get(3).selections().get(0).score())
                .isEqualTo("0218d3d35db609a2a39e14014259e83741aaa07a61939532cbf6296e6bb300d3");
        assertThat(record.teams().get(0).members()).extracting(m -> m.inspectorId().substring(0, 8) + "@" + m.position()
                + ":" + m.role()).containsExactly("00000002@1:DEPARTMENT", "00000006@3:DEPARTMENT",
                "00000003@0:TAG:GRAIN", "00000007@4:TAG:METROLOGY");
        assertThat(record.infeasible()).isEmpty();
        assertThat(DrawRecords.recordSha256(record))
                .isEqualTo("1f8fbb74ccb69ad0c6b8440a74098d7c22db746e239a813d6219184d4e579a00");
    }
    @Test
    void strataRankedInParallelGiveTheRecordRankedInTurn() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            DrawFixture fixture = new DrawFixture();
            DrawRecord sequential = fixture.compute();
            java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
            PoolSource source = fixture.poolSource();
            DrawRecord parallel = DrawComputer.compute(fixture.announcement(), fixture.entropy(), (id, sink) -> {
                threads.add(Thread.currentThread().getName());
                source.forEachUscc(id, sink);
            }, fixture.inspectors, ConflictMatrix.of(fixture.conflicts), sequential.computedBy(),
                    sequential.computedAt(), pool);
            assertThat(threads).doesNotContain(Thread.currentThread().getName());
            assertThat(DrawRecords.canonicalJson(parallel)).isEqualTo(DrawRecords.canonicalJson(sequential));
            assertThat(DrawRecords.recordSha256(parallel))
                    .isEqualTo("1f8fbb74ccb69ad0c6b8440a74098d7c22db746e239a813d6219184d4e579a00");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inParallelTheFirstFailingStratumInAnnouncedOrderIsReported() {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            DrawFixture fixture = new DrawFixture();
            Announcement announcement = fixture.announcement();
            String first = announcement.strata().get(1).id();
            String later = announcement.strata().get(3).id();
            fixture.pools.get(first).remove(0);
            fixture.pools.get(later).remove(0);
            java.util.concurrent.CountDownLatch laterFailed = new java.util.concurrent.CountDownLatch(1);
            PoolSource source = fixture.poolSource();
            // the later stratum fails first in time; the earlier one (in announced order) is still the one reported
            PoolSource slowFirst = (id, sink) -> {
                if (id.equals(first)) {
                    try {
                        laterFailed.await(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                source.forEachUscc(id, sink);
                if (id.equals(later)) {
                    laterFailed.countDown();
                }
            };
            assertThatThrownBy(() -> DrawComputer.select(announcement, new byte[32], List.of(), slowFirst, pool))
                    .isInstanceOf(DrawInputException.class).hasMessageStartingWith("pools." + first + ":");
            assertThatThrownBy(() -> DrawComputer.select(announcement, new byte[32], List.of(), source))
                    .isInstanceOf(DrawInputException.class).hasMessageStartingWith("pools." + first + ":");
        } finally {
            pool.shutdownNow();
        }
    }
}
