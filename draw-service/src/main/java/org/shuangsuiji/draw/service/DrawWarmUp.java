package org.shuangsuiji.draw.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.shuangsuiji.draw.algorithm.ConflictMatrix;
import org.shuangsuiji.draw.algorithm.ConflictPair;
import org.shuangsuiji.draw.algorithm.DrawComputer;
import org.shuangsuiji.draw.algorithm.InspectorCandidate;
import org.shuangsuiji.draw.algorithm.InspectorKind;
import org.shuangsuiji.draw.algorithm.PoolSource;
import org.shuangsuiji.draw.algorithm.Quotas;
import org.shuangsuiji.draw.algorithm.SubjectRanking;
import org.shuangsuiji.draw.algorithm.Unavailability;
import org.shuangsuiji.draw.algorithm.record.Announcement;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.DrawRecords;
import org.shuangsuiji.draw.algorithm.record.EntropyKind;
import org.shuangsuiji.draw.algorithm.record.EntropySource;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;
import org.shuangsuiji.draw.algorithm.record.Exclusion;
import org.shuangsuiji.draw.algorithm.record.StratumTerms;
import org.shuangsuiji.draw.algorithm.record.TaskRef;
import org.shuangsuiji.draw.algorithm.record.TeamRules;
import org.shuangsuiji.draw.config.DrawConfig;
import org.shuangsuiji.draw.domain.Draw;
import org.shuangsuiji.draw.domain.DrawLevel;
import org.shuangsuiji.draw.domain.ExclusionReason;
import org.shuangsuiji.draw.domain.ItemRef;
import org.shuangsuiji.draw.domain.Plan;
import org.shuangsuiji.draw.domain.Stratum;
import org.shuangsuiji.draw.domain.Task;

/**
 * A synthetic draw computed in memory when the service starts ({@code draw.warm-up-draws} of them), so that the first
 * real draw after a start does not pay for compiling its own code: in the database benchmark the first draw of a fresh
 * JVM took 3.7-4.1 s against 2.4-2.9 s for the later ones, the difference in the code a draw runs hundreds of
 * thousands of times (keyed hashes, ranking, teams, canonical JSON, the rows it stores, the event texts), interpreted
 * until the JIT caught up. Pure CPU on a low-priority thread of its own: no database, no event, nothing kept; a draw
 * requested meanwhile runs beside it.
 */
@ApplicationScoped
public class DrawWarmUp {

    // Enough iterations for the JIT to compile the hot loops (tens of thousands), a fifth of a benchmark draw.
    private static final int STRATA = 4;
    private static final int POOL = 50_000;
    private static final int EXCLUDED = 2_000;
    private static final int INSPECTORS = 40;
    private static final String DEPARTMENT = "WARM-UP";
    private static final ExclusionReason[] EXCLUSION_REASONS = ExclusionReason.values();

    private final ObjectMapper mapper;
    private final DrawConfig config;

    public DrawWarmUp(ObjectMapper mapper, DrawConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.warmUpDraws() < 1) {
            return;
        }
        Thread t = new Thread(this::run, "draw-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void run() {
        long t0 = System.nanoTime();
        try {
            int subjects = 0;
            for (int i = 0; i < config.warmUpDraws(); i++) {
                subjects = draw();
            }
            LOG.infof("draw code warmed up by %d synthetic draw(s) in memory (%d selected each) in %d ms",
                    config.warmUpDraws(), subjects, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf(e, "draw warm-up failed; the first draw compiles its code as it runs");
        }
    }

    /** Announces, computes and writes a synthetic draw the way a real one is; returns how many were selected. */
    int draw() {
        List<List<String>> pools = new ArrayList<>();
        String drawId = UUID.randomUUID().toString();
        Stratum[] classes = Stratum.values();
        byte[][] members = new byte[classes.length][];
        java.util.Arrays.fill(members, new byte[0]);
        List<byte[]> priorUsccs = new ArrayList<>();
        List<String> samePeriod = new ArrayList<>();
        List<Integer> thisYear = new ArrayList<>();
        for (int s = 0; s < STRATA; s++) {
            List<String> pool = new ArrayList<>(POOL);
            for (int i = 0; i < POOL; i++) {
                // fixed width, so numeric order is the canonical byte order (of the prior selections too)
                String uscc = String.format("91140522WU%08d", s * 10_000_000 + i);
                pool.add(uscc);
                if (i % (POOL / EXCLUDED) == 0) {
                    // each reason in turn (名单比对, the yearly cap of 3, and in class A the class A rule), so that
                    // every prior selection excludes
                    ExclusionReason reason = EXCLUSION_REASONS[(i / (POOL / EXCLUDED))
                            % (s == 0 ? EXCLUSION_REASONS.length : 2)];
                    priorUsccs.add(uscc.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    samePeriod.add(reason == ExclusionReason.DRAWN_BY_OTHER_TASK ? drawId : null);
                    thisYear.add(reason == ExclusionReason.YEARLY_CAP ? 3 : 1);
                }
            }
            pools.add(pool);
            members[s] = PoolSource.Encoded.encode(pool);
        }
        int[] counts = new int[classes.length];
        for (int s = 0; s < STRATA; s++) {
            counts[s] = POOL;
        }
        PoolFreezer.Priors priors = new PoolFreezer.Priors(priorUsccs.toArray(byte[][]::new),
                samePeriod.toArray(String[]::new), thisYear.stream().mapToInt(Integer::intValue).toArray(),
                java.util.Collections.nCopies(thisYear.size(), drawId).toArray(String[]::new));
        PoolFreezer.Part part = new PoolFreezer.Part(counts, members);
        List<Exclusion> exclusions = PoolFreezer.exclusions(part, priors, 3, true);
        PoolFreezer.parseExclusions(PoolFreezer.exclusionLines(exclusions));
        Map<String, Long> excluded = new HashMap<>();
        exclusions.forEach(e -> excluded.merge(e.stratum(), 1L, Long::sum));
        List<PoolFreezer.FrozenStratum> frozenStrata = new ArrayList<>();
        Map<Stratum, java.math.BigDecimal> ratios = new HashMap<>();
        Map<Stratum, String> criteria = new HashMap<>();
        for (Stratum k : classes) {
            frozenStrata.add(new PoolFreezer.FrozenStratum(k, counts[k.ordinal()],
                    org.shuangsuiji.draw.algorithm.Sha256.hex(members[k.ordinal()]), excluded.getOrDefault(k.name(), 0L)));
            ratios.put(k, Quotas.ratio("0.05"));
            criteria.put(k, "warm-up");
        }
        List<InspectorCandidate> inspectors = inspectors();
        List<ConflictPair> pairs = List.of(new ConflictPair(inspectors.get(0).id(), pools.get(0).get(0)),
                new ConflictPair(inspectors.get(1).id(), pools.get(1).get(7)),
                new ConflictPair(inspectors.get(2).id(), pools.get(3).get(11)));
        ConflictMatrix conflicts = ConflictMatrix.of(pairs);
        LocalDate day = LocalDate.of(2000, 1, 3);
        Instant at = Instant.parse("2000-01-01T00:00:00Z");
        // The service's own announcement code, so what the JIT compiles here is what a real announcement runs.
        DrawService.Announced announced = DrawService.announcement(UUID.fromString(drawId),
                new PoolFreezer.Frozen(UUID.fromString(drawId), frozenStrata, exclusions, inspectors, pairs, part),
                ratios, criteria, 3, new TaskRef(drawId, "warm-up", drawId, DEPARTMENT, List.of(), "COUNTY_COUNTY", false),
                List.of(DEPARTMENT + "@1"), SubjectRanking.ALGORITHM,
                new TeamRules(TeamRules.ALGORITHM, 2, 2, List.of(), List.of(DEPARTMENT), day, day),
                List.of(new EntropySource("lottery", EntropyKind.LOTTERY_DRAW, "warm-up", null)), at, "warm-up", null);
        String announcementText = announced.text();
        String announcementSha256 = announced.sha256();
        Announcement stored = DrawRecords.parseAnnouncement(announcementText);
        Map<String, Stratum> classOf = new HashMap<>();
        for (StratumTerms t : DrawRecords.parseStrataMap(announced.strataMapText()).strata()) {
            classOf.put(t.stratum(), Stratum.valueOf(t.riskClass()));
        }
        // stored form, as FrozenInputs serves the pools, so the ranking's byte path is the one compiled
        PoolSource.Encoded source = stratumId -> members[classOf.get(stratumId).ordinal()];
        DrawRecord record = DrawComputer.compute(stored, List.of(new EntropyValue("lottery", "1 2 3", null, null,
                "warm-up", at)), source, inspectors, conflicts, "warm-up", at);
        if (record.announcementSha256().equals(announcementSha256)) {
            DrawRecords.sha256AroundAnnouncement(announcementText, DrawRecords.canonicalJsonAfterAnnouncement(record));
        } else {
            DrawService.sha256(DrawRecords.canonicalJson(record));
        }
        storedRowsAndEvents(drawId, record);
        return record.teams().size() + record.infeasible().size();
    }

    /**
     * Inspectors as real rosters have them, so that the branches a real draw takes are the ones compiled (with only
     * uncapped officers, the JIT left the workload check's other branch out and a real draw threw that code away): some
     * with a yearly cap and assignments already this year, some with a period away outside the inspection days, two
     * experts, who count for tags only.
     */
    private static List<InspectorCandidate> inspectors() {
        List<InspectorCandidate> out = new ArrayList<>();
        for (int i = 0; i < INSPECTORS; i++) {
            boolean capped = i % 4 == 1;
            List<Unavailability> away = i % 5 == 2
                    ? List.of(new Unavailability(LocalDate.of(2000, 2, 1), LocalDate.of(2000, 2, 10), "休假"))
                    : List.of();
            out.add(new InspectorCandidate(new UUID(0, i).toString(), DEPARTMENT,
                    i < INSPECTORS - 2 ? InspectorKind.OFFICER : InspectorKind.EXPERT, LocalDate.of(2000, 1, 1),
                    LocalDate.of(2999, 12, 31), i % 3 == 0 ? List.of("计量") : List.of(), away,
                    capped ? 100_000 : null, capped ? 3 : 0));
        }
        return out;
    }

    /** What a computing request writes besides the record: the selection and load rows, the event texts. */
    private void storedRowsAndEvents(String drawId, DrawRecord record) {
        Plan plan = new Plan();
        plan.id = UUID.fromString(drawId);
        plan.year = 2000;
        Task task = new Task();
        task.id = plan.id;
        task.name = "预热抽查任务";
        task.leadDepartment = DEPARTMENT;
        task.drawLevel = DrawLevel.COUNTY_COUNTY;
        task.items = List.of(new ItemRef(DEPARTMENT, DEPARTMENT, 1));
        task.periodFrom = LocalDate.of(2000, 1, 1);
        task.periodTo = LocalDate.of(2000, 12, 31);
        Draw d = new Draw();
        d.id = plan.id;
        d.batch = 1;
        d.computedBy = "warm-up";
        d.computedAt = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        FrozenInputs.selectionRows(d.id, plan.year, record.selections());
        FrozenInputs.loadRows(d.id, plan.year, record);
        Map<String, String> names = new HashMap<>();
        // Names in Chinese, as real ones are: with ASCII names the JIT compiled Jackson's string writing without the
        // branch real names take, and the first real draw deoptimised it (JFR, 2026-12-07).
        record.teams().forEach(t -> {
            names.put(t.uscc(), "阳城县预热企业" + t.order());
            t.members().forEach(m -> names.put(m.inspectorId(), "预热检查人员"));
        });
        LocalDate day = d.computedAt.toLocalDate();
        DrawService.completedParts(mapper, d, task, plan, record, record.announcementSha256(), "0",
                record.teams().size(), names, names, new DrawEvents.DeadlineBasis(day, day, day, 1, 1),
                config.completedPartSize());
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DrawWarmUp.class);
}
