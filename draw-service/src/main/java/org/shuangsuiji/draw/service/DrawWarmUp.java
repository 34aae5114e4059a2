package org.shuangsuiji.draw.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.shuangsuiji.draw.algorithm.Announcements;
import org.shuangsuiji.draw.algorithm.ConflictMatrix;
import org.shuangsuiji.draw.algorithm.DrawComputer;
import org.shuangsuiji.draw.algorithm.InspectorCandidate;
import org.shuangsuiji.draw.algorithm.InspectorKind;
import org.shuangsuiji.draw.algorithm.InspectorPools;
import org.shuangsuiji.draw.algorithm.KeyDerivation;
import org.shuangsuiji.draw.algorithm.PoolHasher;
import org.shuangsuiji.draw.algorithm.PoolSource;
import org.shuangsuiji.draw.algorithm.Quotas;
import org.shuangsuiji.draw.algorithm.SubjectRanking;
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
import org.shuangsuiji.draw.algorithm.record.Team;
import org.shuangsuiji.draw.algorithm.record.TeamMember;
import org.shuangsuiji.draw.algorithm.record.TeamRules;

/**
 * One synthetic draw computed in memory when the service starts, so that the first real draw after a start does not
 * pay for compiling its own code: in the database benchmark the first draw of a fresh JVM took 3.7-4.1 s against
 * 2.4-2.9 s for the later ones, the difference in the code a draw runs hundreds of thousands of times (keyed hashes,
 * ranking, teams, canonical JSON, the event texts), interpreted until the JIT caught up. Pure CPU on a low-priority
 * thread of its own: no database, no event, nothing kept; a draw requested meanwhile runs beside it.
 */
@ApplicationScoped
public class DrawWarmUp {

    // Enough iterations for the JIT to compile the hot loops (tens of thousands), a fifth of a benchmark draw.
    private static final int STRATA = 4;
    private static final int POOL = 50_000;
    private static final int EXCLUDED = 2_000;
    private static final int INSPECTORS = 40;
    private static final String DEPARTMENT = "WARM-UP";

    private final ObjectMapper mapper;

    public DrawWarmUp(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void onStart(@Observes StartupEvent event) {
        Thread t = new Thread(this::run, "draw-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void run() {
        long t0 = System.nanoTime();
        try {
            int subjects = draw();
            LOG.infof("draw code warmed up by a synthetic draw in memory (%d selected) in %d ms", subjects,
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf(e, "draw warm-up failed; the first draw compiles its code as it runs");
        }
    }

    /** Announces, computes and writes a synthetic draw the way a real one is; returns how many were selected. */
    int draw() {
        List<List<String>> pools = new ArrayList<>();
        List<Stratum> strata = new ArrayList<>();
        List<StratumTerms> terms = new ArrayList<>();
        StringBuilder exclusionRows = new StringBuilder();
        String drawId = UUID.randomUUID().toString();
        for (int s = 0; s < STRATA; s++) {
            List<String> pool = new ArrayList<>(POOL);
            PoolHasher hasher = new PoolHasher();
            for (int i = 0; i < POOL; i++) {
                // fixed width, so numeric order is the canonical byte order
                String uscc = String.format("91140522WU%08d", s * 10_000_000 + i);
                pool.add(uscc);
                hasher.add(uscc);
                if (i % (POOL / EXCLUDED) == 0) {
                    exclusionRows.append('S').append(s + 1).append('\t').append(uscc)
                            .append("\tDRAWN_BY_OTHER_TASK\tdraw ").append(drawId).append('\n');
                }
            }
            pools.add(pool);
            String id = "S" + (s + 1);
            long eligible = POOL - EXCLUDED;
            strata.add(new Stratum(id, hasher.count(), hasher.sha256(), eligible,
                    Quotas.quota(Quotas.ratio("0.05"), 3, eligible)));
            terms.add(new StratumTerms(id, "ABCD".substring(s, s + 1), "warm-up", "warm-up", "0.05", 3));
        }
        List<Exclusion> exclusions = new ArrayList<>();
        for (Exclusion e : PoolFreezer.parseExclusions(exclusionRows.toString())) {
            exclusions.add(DrawService.publicExclusion(e, e.stratum()));
        }
        List<InspectorCandidate> inspectors = new ArrayList<>();
        for (int i = 0; i < INSPECTORS; i++) {
            inspectors.add(new InspectorCandidate(new UUID(0, i).toString(), DEPARTMENT, InspectorKind.OFFICER,
                    LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31), List.of(), List.of(), null, 0));
        }
        StrataMap map = new StrataMap(StrataMap.FORMAT, "0".repeat(32), terms);
        LocalDate day = LocalDate.of(2000, 1, 3);
        Instant at = Instant.parse("2000-01-01T00:00:00Z");
        Announcement announcement = new Announcement(Announcement.FORMAT, drawId,
                new TaskRef(drawId, "warm-up", drawId, DEPARTMENT, List.of(), "COUNTY_COUNTY", false),
                List.of(DEPARTMENT + "@1"), SubjectRanking.ALGORITHM, KeyDerivation.ID, Quotas.RULE, strata,
                Announcements.strataMapSha256(map), exclusions, InspectorPools.frozen(inspectors),
                ConflictMatrix.of(List.of()).frozen(),
                new TeamRules(TeamRules.ALGORITHM, 2, 2, List.of(), List.of(DEPARTMENT), day, day),
                List.of(new EntropySource("lottery", EntropyKind.LOTTERY_DRAW, "warm-up", null)), at, "warm-up", null);
        Announcements.validate(announcement, map);
        String announcementText = DrawRecords.canonicalJson(announcement);
        String announcementSha256 = DrawService.sha256(announcementText);
        Announcement stored = DrawRecords.parseAnnouncement(announcementText);
        // stored form, as FrozenInputs serves the pools, so the ranking's byte path is the one compiled
        List<byte[]> storedPools = new ArrayList<>();
        for (List<String> pool : pools) {
            storedPools.add(PoolSource.Encoded.encode(pool));
        }
        PoolSource.Encoded source = stratumId -> storedPools.get(Integer.parseInt(stratumId.substring(1)) - 1);
        DrawRecord record = DrawComputer.compute(stored, List.of(new EntropyValue("lottery", "1 2 3", null, null,
                "warm-up", at)), source, inspectors, ConflictMatrix.of(List.of()), "warm-up", at);
        if (record.announcementSha256().equals(announcementSha256)) {
            DrawRecords.sha256AroundAnnouncement(announcementText, DrawRecords.canonicalJsonAfterAnnouncement(record));
        } else {
            DrawService.sha256(DrawRecords.canonicalJson(record));
        }
        writeEvents(record);
        return record.teams().size() + record.infeasible().size();
    }

    /** The draw.completed texts of the record's teams, with the application's mapper, in parts of 1000. */
    private void writeEvents(DrawRecord record) {
        List<DrawEvents.DrawnSubject> subjects = new ArrayList<>();
        for (Team t : record.teams()) {
            List<DrawEvents.Member> members = new ArrayList<>();
            for (TeamMember m : t.members()) {
                members.add(new DrawEvents.Member(m.inspectorId(), "warm-up", m.department(), m.kind(),
                        m.role()));
            }
            subjects.add(new DrawEvents.DrawnSubject(t.uscc(), "warm-up", t.order(), members, null));
        }
        UUID id = new UUID(0, 0);
        OffsetDateTime at = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        LocalDate day = at.toLocalDate();
        try {
            for (int p = 0; p * 1000 < subjects.size(); p++) {
                mapper.writeValueAsString(new DrawEvents.Completed(id, id, id, "warm-up", 1, DEPARTMENT, List.of(),
                        "COUNTY_COUNTY", false, List.of(new DrawEvents.Item(DEPARTMENT, DEPARTMENT, 1)),
                        record.announcementSha256(), "0", subjects.size(), 0,
                        new DrawEvents.DeadlineBasis(day, day, day, 1, 1), p + 1, 1,
                        subjects.subList(p * 1000, Math.min(subjects.size(), (p + 1) * 1000)), "warm-up", at));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the warm-up's events", e);
        }
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DrawWarmUp.class);
}
