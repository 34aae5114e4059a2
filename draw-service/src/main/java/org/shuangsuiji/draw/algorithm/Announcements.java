package org.shuangsuiji.draw.algorithm;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.shuangsuiji.draw.algorithm.record.Announcement;
import org.shuangsuiji.draw.algorithm.record.DrawRecords;
import org.shuangsuiji.draw.algorithm.record.Exclusion;
import org.shuangsuiji.draw.algorithm.record.FrozenList;
import org.shuangsuiji.draw.algorithm.record.Schedule;
import org.shuangsuiji.draw.algorithm.record.StrataMap;
import org.shuangsuiji.draw.algorithm.record.Stratum;
import org.shuangsuiji.draw.algorithm.record.StratumTerms;
import org.shuangsuiji.draw.algorithm.record.TeamRules;

/** Checks an announcement before it is published and hashes it. */
public final class Announcements {
    private static final Pattern ITEM = Pattern.compile("[^@\\s]+@[1-9][0-9]*");
    private static final Pattern STRATUM_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private Announcements() {}

    /** The announcement hash (SHA-256 of its canonical JSON, lower-case hex). */
    public static String sha256(Announcement announcement) {
        return DrawRecords.announcementSha256(announcement);
    }

    /**
     * Every public rule an announcement must satisfy (the quota rule needs the confidential ratios: see
     * {@link #validate(Announcement, StrataMap)}); the computation and the verifier call it again.
     *
     * @throws DrawInputException naming the first offending field
     */
    public static void validate(Announcement a) {
        require(Announcement.FORMAT.equals(a.format()), "format", "must be " + Announcement.FORMAT);
        require(notBlank(a.drawId()), "drawId", "is required");
        require(a.task() != null && notBlank(a.task().taskId()), "task.taskId", "is required");
        for (int i = 0; i < a.items().size(); i++) {
            require(a.items().get(i) != null && ITEM.matcher(a.items().get(i)).matches(), "items[" + i + "]",
                    "must be code@version");
            require(i == 0 || a.items().get(i - 1).compareTo(a.items().get(i)) < 0, "items[" + i + "]",
                    "items must be sorted and distinct");
        }
        boolean rfc = Rfc3797.ALGORITHM.equals(a.selectionAlgorithm());
        require(rfc || SubjectRanking.ALGORITHM.equals(a.selectionAlgorithm()), "selectionAlgorithm",
                "must be " + SubjectRanking.ALGORITHM + " or " + Rfc3797.ALGORITHM);
        require(KeyDerivation.ID.equals(a.keyDerivation()), "keyDerivation", "must be " + KeyDerivation.ID);
        require(Quotas.RULE.equals(a.quotaRule()), "quotaRule", "must be " + Quotas.RULE_ID + " with its text");
        require(!a.strata().isEmpty(), "strata", "at least one stratum");
        Map<String, Long> excludedPerStratum = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Stratum s : a.strata()) {
            require(s.id() != null && STRATUM_ID.matcher(s.id()).matches(), "strata.id",
                    "letters, digits, '_' or '-', at most 40 (got " + s.id() + ")");
            require(ids.add(s.id()), "strata.id", "stratum " + s.id() + " is announced twice");
            excludedPerStratum.put(s.id(), 0L);
        }
        countExclusions(a.exclusions(), excludedPerStratum);
        long steps = 0;
        for (Stratum s : a.strata()) {
            String field = "strata." + s.id();
            require(Hex.isSha256(s.poolSha256()), field + ".poolSha256", "must be 64 lower-case hex characters");
            require(s.poolCount() >= 0, field + ".poolCount", "must not be negative");
            long eligible = s.poolCount() - excludedPerStratum.get(s.id());
            require(eligible >= 0, field + ".eligible", "more exclusions than pool members");
            require(s.eligible() == eligible, field + ".eligible", "pool " + s.poolCount() + " minus "
                    + excludedPerStratum.get(s.id()) + " exclusions is " + eligible + ", not " + s.eligible());
            require(s.quota() >= 0 && s.quota() <= eligible, field + ".quota", "must be between 0 and the eligible"
                    + " count " + eligible + " (got " + s.quota() + ")");
            if (rfc) {
                require(eligible <= Rfc3797.MAX_POOL, field + ".eligible", Rfc3797.ALGORITHM + " is for pools of at most "
                        + Rfc3797.MAX_POOL + "; use " + SubjectRanking.ALGORITHM);
            }
            steps += s.quota();
        }
        if (rfc) {
            require(steps <= Rfc3797.MAX_STEPS, "strata", Rfc3797.ALGORITHM + " selects at most " + Rfc3797.MAX_STEPS
                    + " subjects per draw");
        }
        require(Hex.isSha256(a.strataMapSha256()), "strataMapSha256", "must be 64 lower-case hex characters");
        checkFrozen("inspectors", a.inspectors());
        checkFrozen("conflicts", a.conflicts());
        TeamAssigner.checkRules(a.team());
        Entropy.checkSources(a.entropySources());
        require(a.announcedAt() != null, "announcedAt", "is required");
        require(notBlank(a.announcedBy()), "announcedBy", "is required");
        if (a.schedule() != null) {
            checkSchedule(a.schedule(), a.team());
        }
    }

    /**
     * Checks the exclusions and adds each to its stratum's count. Its own small method, with messages built only for
     * a failure: this loop runs 50 000 times per call in the benchmark, and building three field names per exclusion
     * up front made it allocate and made the JIT compile all of {@link #validate(Announcement)} around it.
     */
    private static void countExclusions(List<Exclusion> exclusions, Map<String, Long> excludedPerStratum) {
        Exclusion previous = null;
        for (int i = 0; i < exclusions.size(); i++) {
            Exclusion e = exclusions.get(i);
            if (e.stratum() == null || !excludedPerStratum.containsKey(e.stratum())) {
                throw new DrawInputException("exclusions[" + i + "].stratum", "unknown stratum " + e.stratum());
            }
            if (!notBlank(e.uscc())) {
                throw new DrawInputException("exclusions[" + i + "].uscc", "is required");
            }
            if (!notBlank(e.reason())) {
                throw new DrawInputException("exclusions[" + i + "].reason", "is required");
            }
            if (previous != null) {
                int c = previous.stratum().compareTo(e.stratum());
                if (!(c < 0 || c == 0 && PoolHasher.compareBytes(previous.uscc(), e.uscc()) < 0)) {
                    throw new DrawInputException("exclusions[" + i + "]",
                            "exclusions must be sorted by stratum, then USCC, without repeats");
                }
            }
            excludedPerStratum.merge(e.stratum(), 1L, Long::sum);
            previous = e;
        }
    }

    /** The inspection dates lie in every announced window, and the draw is within the announced frequency. */
    private static void checkSchedule(Schedule schedule, TeamRules team) {
        List<Schedule.WindowRules> windows = schedule.windows();
        for (int i = 0; i < windows.size(); i++) {
            Schedule.WindowRules w = windows.get(i);
            String field = "schedule.windows[" + i + "]";
            require(notBlank(w.rules()), field + ".rules", "is required");
            require(i == 0 || windows.get(i - 1).rules().compareTo(w.rules()) < 0, field,
                    "rule sets must be sorted and distinct");
            LocalDate outside;
            try {
                outside = w.firstDayOutside(team.inspectionFrom(), team.inspectionTo());
            } catch (IllegalArgumentException e) {
                throw new DrawInputException(field + ".windows", e.getMessage());
            }
            require(outside == null, field, "inspection day " + outside + " is outside the windows of " + w.rules());
        }
        Schedule.Frequency f = schedule.frequency();
        if (f != null) {
            require(f.perYear() >= 1, "schedule.frequency.perYear", "must be at least 1");
            require(f.year() == team.inspectionFrom().getYear(), "schedule.frequency.year",
                    "must be the year of team.inspectionFrom " + team.inspectionFrom());
            require(f.drawOfYear() >= 1 && (f.atLeast() || f.drawOfYear() <= f.perYear()),
                    "schedule.frequency.drawOfYear", "draw " + f.drawOfYear() + " of " + f.year() + " exceeds "
                            + f.perYear() + " a year (" + f.text() + ")");
        }
    }

    /**
     * {@link #validate(Announcement)} plus the confidential strata map: its hash must be the announced one, it must
     * give terms for exactly the announced strata in their order, and every quota must follow {@code ssj-quota/1}
     * with the map's ratio and minimum. Call this at announce time and wherever the map is at hand.
     */
    public static void validate(Announcement a, StrataMap map) {
        validate(a);
        require(map != null && StrataMap.FORMAT.equals(map.format()), "strataMap.format", "must be "
                + StrataMap.FORMAT);
        require(map.nonce() != null && map.nonce().length() >= 32 && map.nonce().matches("[0-9a-f]+"),
                "strataMap.nonce", "at least 32 lower-case hex characters of fresh randomness");
        require(map.strata().size() == a.strata().size(), "strataMap.strata", "needs terms for the "
                + a.strata().size() + " announced strata, has " + map.strata().size());
        for (int i = 0; i < a.strata().size(); i++) {
            Stratum s = a.strata().get(i);
            StratumTerms t = map.strata().get(i);
            String field = "strataMap.strata[" + i + "]";
            require(s.id().equals(t.stratum()), field + ".stratum", "expected " + s.id() + " (announced order), got "
                    + t.stratum());
            int quota;
            try {
                quota = Quotas.quota(Quotas.ratio(t.ratio()), t.minimum(), s.eligible());
            } catch (DrawInputException e) {
                throw new DrawInputException(field + "." + e.field(), e.reason());
            }
            require(s.quota() == quota, "strata." + s.id() + ".quota", Quotas.RULE_ID + " gives " + quota
                    + " for ratio " + t.ratio() + ", minimum " + t.minimum() + " and " + s.eligible()
                    + " eligible, not " + s.quota());
        }
        String sha256 = strataMapSha256(map);
        require(sha256.equals(a.strataMapSha256()), "strataMapSha256", "the strata map hashes to " + sha256
                + ", the announcement says " + a.strataMapSha256());
    }

    /** SHA-256 of the strata map's canonical JSON: what the announcement publishes. */
    public static String strataMapSha256(StrataMap map) {
        return DrawRecords.sha256(map);
    }

    private static void checkFrozen(String field, FrozenList list) {
        require(list != null, field, "is required");
        require(list.count() >= 0, field + ".count", "must not be negative");
        require(Hex.isSha256(list.sha256()), field + ".sha256", "must be 64 lower-case hex characters");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw new DrawInputException(field, reason);
        }
    }

    /** The exclusions of each stratum as sets, for ranking. */
    public static Map<String, Set<String>> exclusionsByStratum(Announcement a) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Stratum s : a.strata()) {
            out.put(s.id(), new HashSet<>());
        }
        for (Exclusion e : a.exclusions()) {
            out.get(e.stratum()).add(e.uscc());
        }
        return out;
    }

    static List<String> values(List<org.shuangsuiji.draw.algorithm.record.EntropyValue> values) {
        return values.stream().map(org.shuangsuiji.draw.algorithm.record.EntropyValue::value).toList();
    }
}
