package org.shuangsuiji.draw.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.shuangsuiji.draw.algorithm.ConflictMatrix;
import org.shuangsuiji.draw.algorithm.ConflictPair;
import org.shuangsuiji.draw.algorithm.InspectorCandidate;
import org.shuangsuiji.draw.algorithm.InspectorKind;
import org.shuangsuiji.draw.algorithm.KeyDerivation;
import org.shuangsuiji.draw.algorithm.PoolHasher;
import org.shuangsuiji.draw.algorithm.PoolSource;
import org.shuangsuiji.draw.algorithm.Quotas;
import org.shuangsuiji.draw.algorithm.SubjectRanking;
import org.shuangsuiji.draw.algorithm.record.Announcement;
import org.shuangsuiji.draw.algorithm.record.EntropyKind;
import org.shuangsuiji.draw.algorithm.record.EntropySource;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;
import org.shuangsuiji.draw.algorithm.record.Exclusion;
import org.shuangsuiji.draw.algorithm.record.FrozenList;
import org.shuangsuiji.draw.algorithm.record.Stratum;
import org.shuangsuiji.draw.algorithm.record.TaskRef;
import org.shuangsuiji.draw.algorithm.record.TeamRules;

/** Deterministic synthetic data for the benchmarks (fixed seeds, so every run draws the same). */
final class BenchData {
    static final String[] STRATA = {"S1", "S2", "S3", "S4"};
    static final String[] RATIOS = {"0.03", "0.05", "0.10", "0.20"};
    static final String[] DEPARTMENTS = {"YC-FGJ", "YC-SCJGJ", "YC-TJJ", "YC-SWJ", "PL-NYNCJ"};
    static final List<String> TAGS = List.of("GRAIN", "METROLOGY");
    static final LocalDate FROM = LocalDate.of(2026, 11, 25);
    static final LocalDate TO = LocalDate.of(2026, 12, 1);

    private BenchData() {}

    /** USCC-shaped codes, ascending with i: "91140522MA" + i in 8 digits (the check characters are not checked). */
    static String uscc(long i) {
        char[] c = "91140522MA00000000".toCharArray();
        for (int k = 17; k >= 10 && i > 0; k--, i /= 10) {
            c[k] = (char) ('0' + i % 10);
        }
        return new String(c);
    }

    /** 1 000 000 subjects split 10/50/30/10 % over the strata, each pool sorted; 50 000 exclusions. */
    static Map<String, List<String>> pools(int total) {
        int[] shares = {10, 50, 30, 10};
        Map<String, List<String>> pools = new HashMap<>();
        long next = 0;
        for (int s = 0; s < STRATA.length; s++) {
            int n = total / 100 * shares[s];
            List<String> pool = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                pool.add(uscc(next));
                next += 7; // gaps, so the code space is not dense
            }
            pools.put(STRATA[s], pool);
        }
        return pools;
    }

    static List<Exclusion> exclusions(Map<String, List<String>> pools, int count) {
        Random random = new Random(42);
        List<Exclusion> out = new ArrayList<>();
        int total = pools.values().stream().mapToInt(List::size).sum();
        for (String s : STRATA) {
            List<String> pool = pools.get(s);
            int n = (int) ((long) count * pool.size() / total);
            TreeSet<String> chosen = new TreeSet<>();
            while (chosen.size() < n) {
                chosen.add(pool.get(random.nextInt(pool.size())));
            }
            chosen.forEach(u -> out.add(new Exclusion(s, u, "DRAWN_BY_OTHER_TASK", "bench")));
        }
        return out;
    }

    static Announcement announcement(Map<String, List<String>> pools, List<Exclusion> exclusions,
            FrozenList inspectors, FrozenList conflicts) {
        Map<String, Integer> excluded = new HashMap<>();
        exclusions.forEach(e -> excluded.merge(e.stratum(), 1, Integer::sum));
        List<Stratum> strata = new ArrayList<>();
        for (int s = 0; s < STRATA.length; s++) {
            List<String> pool = pools.get(STRATA[s]);
            PoolHasher hasher = new PoolHasher();
            pool.forEach(hasher::add);
            long eligible = pool.size() - excluded.getOrDefault(STRATA[s], 0);
            strata.add(new Stratum(STRATA[s], pool.size(), hasher.sha256(), eligible,
                    Quotas.quota(Quotas.ratio(RATIOS[s]), 3, eligible)));
        }
        return new Announcement(Announcement.FORMAT, "bench", new TaskRef("t", "bench", "p", DEPARTMENTS[0],
                List.of(DEPARTMENTS).subList(1, 5), "COUNTY_COUNTY", true), List.of("ITEM@1"),
                SubjectRanking.ALGORITHM, KeyDerivation.ID, Quotas.RULE, strata, "0".repeat(64), exclusions, inspectors,
                conflicts,
                new TeamRules(TeamRules.ALGORITHM, 5, 2, TAGS, List.of(DEPARTMENTS), FROM, TO),
                List.of(new EntropySource("fc-3d", EntropyKind.LOTTERY_DRAW, "bench", null)),
                Instant.parse("2026-11-22T08:00:00Z"), "bench", null);
    }

    static List<EntropyValue> entropy() {
        return List.of(new EntropyValue("fc-3d", "3 1 4", null, "bench", "bench", Instant.EPOCH));
    }

    static PoolSource source(Map<String, List<String>> pools) {
        return (stratumId, sink) -> pools.get(stratumId).forEach(sink);
    }

    /** The pools as the service stores and reads them: "uscc\n" per member, one byte array per stratum. */
    static PoolSource.Encoded encodedSource(Map<String, List<String>> pools) {
        Map<String, byte[]> stored = new java.util.HashMap<>();
        pools.forEach((id, members) -> stored.put(id, PoolSource.Encoded.encode(members)));
        return stored::get;
    }

    /** 3 000 inspectors, 600 per department, 5 in 6 officers, 10 % tagged GRAIN, 10 % METROLOGY, cap 120. */
    static List<InspectorCandidate> inspectors(int count) {
        Random random = new Random(7);
        List<InspectorCandidate> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean officer = i % 6 != 5;
            List<String> tags = new ArrayList<>();
            if (random.nextInt(10) == 0) {
                tags.add("GRAIN");
            }
            if (random.nextInt(10) == 0) {
                tags.add("METROLOGY");
            }
            out.add(new InspectorCandidate(String.format("%08x-0000-4000-8000-%012x", i, i),
                    DEPARTMENTS[i % DEPARTMENTS.length], officer ? InspectorKind.OFFICER : InspectorKind.EXPERT,
                    officer ? LocalDate.of(2020, 1, 1) : null, officer ? LocalDate.of(2028, 1, 1) : null, tags,
                    List.of(), 120, random.nextInt(20)));
        }
        return out;
    }

    static List<String> selected(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(uscc(i * 31L));
        }
        return out;
    }

    static ConflictMatrix conflicts(List<InspectorCandidate> inspectors, List<String> subjects, int pairs) {
        Random random = new Random(11);
        List<ConflictPair> out = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i++) {
            out.add(new ConflictPair(inspectors.get(random.nextInt(inspectors.size())).id(),
                    subjects.get(random.nextInt(subjects.size()))));
        }
        return ConflictMatrix.of(out);
    }

    static byte[] key(Announcement announcement) {
        return KeyDerivation.deriveKey(org.shuangsuiji.draw.algorithm.Announcements.sha256(announcement), entropy());
    }
}
