package org.shuangsuiji.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.shuangsuiji.draw.algorithm.record.Announcement;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.DrawRecords;
import org.shuangsuiji.draw.algorithm.record.EntropyKind;
import org.shuangsuiji.draw.algorithm.record.EntropySource;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;
import org.shuangsuiji.draw.algorithm.record.Exclusion;
import org.shuangsuiji.draw.algorithm.record.StrataMap;
import org.shuangsuiji.draw.algorithm.record.Stratum;
import org.shuangsuiji.draw.algorithm.record.StratumTerms;
import org.shuangsuiji.draw.algorithm.record.TaskRef;
import org.shuangsuiji.draw.algorithm.record.TeamRules;

/**
 * A small, fixed draw modelled on the seeds' 阳城县发改局 2022 joint grain task (lead YC-FGJ, cooperating YC-SCJGJ):
 * four risk-class strata, a few exclusions, ten inspectors, two conflicts, a lottery and a witness value.
 */
public final class DrawFixture {
    public static final String WITNESS_VALUE = "738201";
    public static final String WITNESS_SALT = "yc-jjz-2026-11-salt-7f3a";
    public static final String LOTTERY_VALUE = "03 08 15 22 27 31 09";

    static final String[] CLASSES = {"A", "B", "C", "D"};
    static final String[] RATIOS = {"0.10", "0.20", "0.30", "0.40"};
    static final String[] LABELS = {"低风险", "一般风险", "较高风险", "高风险"};
    public static final String NONCE = "5f0c1e2d3b4a69788796a5b4c3d2e1f0";

    /** Pools by opaque stratum id, in announced order. */
    public final Map<String, List<String>> pools = new LinkedHashMap<>();
    /** Risk class → opaque stratum id. */
    public final Map<String, String> stratumOf = new HashMap<>();
    public final List<Exclusion> exclusions = new ArrayList<>();
    public final List<InspectorCandidate> inspectors = new ArrayList<>();
    public final List<ConflictPair> conflicts = new ArrayList<>();
    public final String algorithm;

    public DrawFixture() {
        this(SubjectRanking.ALGORITHM);
    }

    public DrawFixture(String algorithm) {
        this.algorithm = algorithm;
        int[] sizes = {40, 25, 12, 2};
        Map<String, List<String>> byClass = new LinkedHashMap<>();
        Map<String, String> hashOf = new HashMap<>();
        for (int s = 0; s < CLASSES.length; s++) {
            TreeSet<String> pool = new TreeSet<>();
            for (int i = 0; i < sizes[s]; i++) {
                pool.add(uscc(s * 1000 + i));
            }
            byClass.put(CLASSES[s], new ArrayList<>(pool));
            PoolHasher hasher = new PoolHasher();
            pool.forEach(hasher::add);
            hashOf.put(CLASSES[s], hasher.sha256());
        }
        // opaque ids S1..S4 in ascending order of the pool hashes: the numbering says nothing about the class
        List<String> byHash = new ArrayList<>(byClass.keySet());
        byHash.sort(java.util.Comparator.comparing(hashOf::get));
        for (int i = 0; i < byHash.size(); i++) {
            stratumOf.put(byHash.get(i), "S" + (i + 1));
        }
        for (String c : byHash) {
            pools.put(stratumOf.get(c), byClass.get(c));
        }
        exclusions.add(new Exclusion(stratumOf("A"), pool("A").get(3), "DRAWN_BY_OTHER_TASK", "task 2022-YC-TJJ-02"));
        exclusions.add(new Exclusion(stratumOf("A"), pool("A").get(17), "RULE_LIMIT", "inspected 2022-04-12"));
        exclusions.add(new Exclusion(stratumOf("B"), pool("B").get(0), "YEARLY_CAP", "2 inspections in 2022"));
        exclusions.sort(java.util.Comparator.comparing(Exclusion::stratum).thenComparing(Exclusion::uscc));
        String[][] people = {
            {"YC-FGJ", "OFFICER", "GRAIN"}, {"YC-FGJ", "OFFICER", ""}, {"YC-FGJ", "OFFICER", "STATISTICS"},
            {"YC-FGJ", "EXPERT", "GRAIN"}, {"YC-SCJGJ", "OFFICER", "METROLOGY"}, {"YC-SCJGJ", "OFFICER", ""},
            {"YC-SCJGJ", "OFFICER", "TRADEMARK"}, {"YC-SCJGJ", "EXPERT", "METROLOGY"}, {"YC-FGJ", "OFFICER", ""},
            {"YC-SCJGJ", "OFFICER", "GRAIN"}};
        for (int i = 0; i < people.length; i++) {
            String id = String.format("0000000%d-0000-4000-8000-00000000000%d", i, i);
            List<String> tags = people[i][2].isEmpty() ? List.of() : List.of(people[i][2]);
            boolean officer = people[i][1].equals("OFFICER");
            inspectors.add(new InspectorCandidate(id, people[i][0], InspectorKind.valueOf(people[i][1]),
                    officer ? LocalDate.of(2020, 1, 1) : null, officer ? LocalDate.of(2027, 12, 31) : null, tags,
                    i == 8 ? List.of(new Unavailability(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 4), "LEAVE"))
                            : List.of(), 30, i));
        }
        conflicts.add(new ConflictPair(inspectors.get(0).id(), pool("C").get(0)));
        conflicts.add(new ConflictPair(inspectors.get(4).id(), pool("D").get(1)));
    }

    /** An 18-character USCC-shaped code (the algorithm does not check the check characters). */
    public static String uscc(int n) {
        return String.format("91140522MA0%07d", n * 7919 % 10_000_000);
    }

    public String stratumOf(String riskClass) {
        return stratumOf.get(riskClass);
    }

    /** The pool of a risk class. */
    public List<String> pool(String riskClass) {
        return pools.get(stratumOf(riskClass));
    }

    public StrataMap strataMap() {
        List<StratumTerms> terms = new ArrayList<>();
        for (String id : pools.keySet()) {
            int c = java.util.Arrays.asList(CLASSES).indexOf(stratumOf.entrySet().stream()
                    .filter(e -> e.getValue().equals(id)).findFirst().orElseThrow().getKey());
            terms.add(new StratumTerms(id, CLASSES[c], LABELS[c], "department=YC-FGJ&industry=F5111&riskClasses="
                    + CLASSES[c], RATIOS[c], 3));
        }
        return new StrataMap(StrataMap.FORMAT, NONCE, terms);
    }

    public Announcement announcement() {
        Map<String, Integer> excluded = new HashMap<>();
        exclusions.forEach(e -> excluded.merge(e.stratum(), 1, Integer::sum));
        StrataMap map = strataMap();
        List<Stratum> strata = new ArrayList<>();
        int s = 0;
        for (Map.Entry<String, List<String>> pool : pools.entrySet()) {
            PoolHasher hasher = new PoolHasher();
            pool.getValue().forEach(hasher::add);
            long eligible = pool.getValue().size() - excluded.getOrDefault(pool.getKey(), 0);
            StratumTerms terms = map.strata().get(s++);
            int quota = Quotas.quota(Quotas.ratio(terms.ratio()), terms.minimum(), eligible);
            strata.add(new Stratum(pool.getKey(), hasher.count(), hasher.sha256(), eligible, quota));
        }
        return new Announcement(Announcement.FORMAT, "draw-2026-yc-fgj-1",
                new TaskRef("task-2022-yc-fgj-1", "部门联合粮食企业监督检查", "plan-2022-yc-fgj", "YC-FGJ",
                        List.of("YC-SCJGJ"), "COUNTY_COUNTY", true),
                List.of("FGJ-GRAIN-01@2", "SCJG-METRO-03@1"), algorithm, KeyDerivation.ID, Quotas.RULE, strata,
                Announcements.strataMapSha256(map), exclusions, InspectorPools.frozen(inspectors),
                ConflictMatrix.of(conflicts).frozen(),
                new TeamRules(TeamRules.ALGORITHM, 3, 2, List.of("GRAIN", "METROLOGY"), List.of("YC-FGJ", "YC-SCJGJ"),
                        LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 1)),
                List.of(new EntropySource("fc-3d-2026318", EntropyKind.LOTTERY_DRAW,
                                "中国福利彩票3D第2026318期开奖号码（2026-11-24 21:15），按开奖顺序以空格分隔", null),
                        new EntropySource("witness-yc-jjz", EntropyKind.WITNESS_COMMITMENT,
                                "阳城县纪检监察组见证人提交的六位数字", Entropy.commitment(WITNESS_VALUE, WITNESS_SALT))),
                Instant.parse("2026-11-22T08:00:00Z"), "planner-yc-fgj", null);
    }

    public List<EntropyValue> entropy() {
        return List.of(
                new EntropyValue("fc-3d-2026318", LOTTERY_VALUE, null, "https://www.cwl.gov.cn/ 2026318期",
                        "witness-yc-jjz", Instant.parse("2026-11-24T13:40:00Z")),
                new EntropyValue("witness-yc-jjz", WITNESS_VALUE, WITNESS_SALT, "opened at the draw",
                        "witness-yc-jjz", Instant.parse("2026-11-24T13:41:00Z")));
    }

    public PoolSource poolSource() {
        return (stratumId, sink) -> pools.get(stratumId).forEach(sink);
    }

    public DrawRecord compute() {
        return DrawComputer.compute(announcement(), entropy(), poolSource(), inspectors, ConflictMatrix.of(conflicts),
                "planner-yc-fgj", Instant.parse("2026-11-24T13:45:00Z"));
    }

    /** Writes the pools as roster NDJSON snapshots ({@code <stratum>.ndjson}), the inspectors and the conflicts. */
    public void writeFiles(Path dir) throws java.io.IOException {
        Files.createDirectories(dir.resolve("pools"));
        for (Map.Entry<String, List<String>> pool : pools.entrySet()) {
            StringBuilder out = new StringBuilder();
            PoolHasher hasher = new PoolHasher();
            for (String uscc : pool.getValue()) {
                hasher.add(uscc);
                out.append("{\"uscc\":\"").append(uscc).append("\",\"name\":\"粮食收购企业\",\"kind\":\"ENTERPRISE\","
                        + "\"tags\":[]}\n");
            }
            out.append("{\"count\":").append(hasher.count()).append(",\"sha256\":\"").append(hasher.sha256())
                    .append("\"}\n");
            Files.writeString(dir.resolve("pools").resolve(pool.getKey() + ".ndjson"), out, StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("strata-map.json"), DrawRecords.canonicalJson(strataMap()), StandardCharsets.UTF_8);
        StringBuilder lines = new StringBuilder();
        for (InspectorCandidate c : InspectorPools.canonical(inspectors)) {
            lines.append(InspectorPools.canonicalLine(c)).append('\n');
        }
        Files.writeString(dir.resolve("inspectors.ndjson"), lines, StandardCharsets.UTF_8);
        StringBuilder pairs = new StringBuilder("inspectorId,uscc\n");
        conflicts.forEach(p -> pairs.append(p.inspectorId()).append(',').append(p.uscc()).append('\n'));
        Files.writeString(dir.resolve("conflicts.csv"), pairs, StandardCharsets.UTF_8);
    }
}
