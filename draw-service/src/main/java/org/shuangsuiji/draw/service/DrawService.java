package org.shuangsuiji.draw.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.shuangsuiji.commons.calendar.WorkingDayCalendar;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.commons.persistence.UniqueKeys;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.draw.algorithm.ConflictMatrix;
import org.shuangsuiji.draw.algorithm.Announcements;
import org.shuangsuiji.draw.algorithm.DrawComputer;
import org.shuangsuiji.draw.algorithm.PoolHasher;
import org.shuangsuiji.draw.algorithm.DrawInputException;
import org.shuangsuiji.draw.algorithm.Entropy;
import org.shuangsuiji.draw.algorithm.InspectorCandidate;
import org.shuangsuiji.draw.algorithm.InspectorPools;
import org.shuangsuiji.draw.algorithm.KeyDerivation;
import org.shuangsuiji.draw.algorithm.Quotas;
import org.shuangsuiji.draw.algorithm.Rfc3797;
import org.shuangsuiji.draw.algorithm.SubjectRanking;
import org.shuangsuiji.draw.algorithm.Substitutions;
import org.shuangsuiji.draw.algorithm.record.Announcement;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.DrawRecords;
import org.shuangsuiji.draw.algorithm.record.EntropyKind;
import org.shuangsuiji.draw.algorithm.record.EntropySource;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;
import org.shuangsuiji.draw.algorithm.record.Exclusion;
import org.shuangsuiji.draw.algorithm.record.Schedule;
import org.shuangsuiji.draw.algorithm.record.StrataMap;
import org.shuangsuiji.draw.algorithm.record.StratumTerms;
import org.shuangsuiji.draw.algorithm.record.Infeasible;
import org.shuangsuiji.draw.algorithm.record.StratumResult;
import org.shuangsuiji.draw.algorithm.record.Substitution;
import org.shuangsuiji.draw.algorithm.record.TaskRef;
import org.shuangsuiji.draw.algorithm.record.Team;
import org.shuangsuiji.draw.algorithm.record.TeamMember;
import org.shuangsuiji.draw.algorithm.record.TeamRules;
import org.shuangsuiji.draw.config.DrawConfig;
import org.shuangsuiji.draw.domain.Draw;
import org.shuangsuiji.draw.domain.DrawStatus;
import org.shuangsuiji.draw.domain.Frequency;
import org.shuangsuiji.draw.domain.ItemRef;
import org.shuangsuiji.draw.domain.Plan;
import org.shuangsuiji.draw.domain.PlanStatus;
import org.shuangsuiji.draw.domain.Stratum;
import org.shuangsuiji.draw.domain.Task;
import org.shuangsuiji.draw.rest.AnnounceRequest;
import org.shuangsuiji.draw.rest.RevealRequest;
import org.shuangsuiji.draw.rest.SubstitutionRequest;

/**
 * The draw: announce (freeze every input and name the future randomness), reveal (witnesses enter the values), compute
 * (exactly once, from the frozen inputs only), substitute (append). There is no operation that re-runs or edits a
 * computed draw; the database refuses it too (triggers, unique keys).
 */
@ApplicationScoped
public class DrawService {

    private final Outbox outbox;
    private final DrawConfig config;
    private final CatalogReadModel catalog;
    private final PoolFreezer freezer;
    private final FrozenInputs frozen;
    private final WorkingDayCalendar calendar;
    private final DrawWorkers workers;
    private final ObjectMapper mapper;

    public DrawService(Outbox outbox, DrawConfig config, CatalogReadModel catalog, PoolFreezer freezer,
            FrozenInputs frozen, WorkingDayCalendar calendar, DrawWorkers workers, ObjectMapper mapper) {
        this.workers = workers;
        this.mapper = mapper;
        this.outbox = outbox;
        this.config = config;
        this.catalog = catalog;
        this.freezer = freezer;
        this.frozen = frozen;
        this.calendar = calendar;
    }

    // --- announce ------------------------------------------------------------------------------------------------

    @Transactional
    public DrawView announce(UUID taskId, AnnounceRequest request, CurrentUser user) {
        Task task = Task.findById(taskId);
        if (task == null) {
            throw ProblemException.notFound("task", taskId.toString());
        }
        // The plan row lock serialises announcements of one plan with each other and with adjustments.
        Plan plan = Plan.findById(task.planId, LockModeType.PESSIMISTIC_WRITE);
        requireOrganiser(plan, task, user);
        if (plan.status != PlanStatus.PUBLISHED) {
            throw ProblemException.rule("plan-not-published", null, "plan " + plan.id + " is " + plan.status
                    + "; only tasks of a published plan are drawn");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (today.isAfter(task.periodTo)) {
            throw ProblemException.rule("period-ended", "periodTo", "the task's period ended on " + task.periodTo
                    + "; a task whose period has ended is not drawn");
        }
        int batch = request.batch() == null ? nextBatch(task) : request.batch();
        if (batch < 1 || batch > task.batches) {
            throw ProblemException.invalid("batch", "must be between 1 and " + task.batches + " (the task's batches)");
        }
        if (Draw.count("taskId = ?1 and batch = ?2", task.id, batch) > 0) {
            throw ProblemException.conflict("batch-already-drawn", "batch " + batch + " of task " + task.id
                    + " already has a draw; a batch is drawn once");
        }
        LocalDate from = request.inspectionFrom() == null
                ? (today.isBefore(task.periodFrom) ? task.periodFrom : today) : request.inspectionFrom();
        if (from.isBefore(today)) {
            throw ProblemException.invalid("inspectionFrom", "must not be in the past");
        }
        if (from.isAfter(task.periodTo) || from.isBefore(task.periodFrom)) {
            throw ProblemException.invalid("inspectionFrom", "must fall in the task's period " + task.periodFrom + " – "
                    + task.periodTo);
        }
        String algorithm = request.selectionAlgorithm() == null ? SubjectRanking.ALGORITHM : request.selectionAlgorithm();
        if (!algorithm.equals(SubjectRanking.ALGORITHM) && !algorithm.equals(Rfc3797.ALGORITHM)) {
            throw ProblemException.invalid("selectionAlgorithm", "must be " + SubjectRanking.ALGORITHM + " (default) or "
                    + Rfc3797.ALGORITHM);
        }
        List<EntropySource> sources = new ArrayList<>();
        for (AnnounceRequest.Source s : request.entropySources()) {
            sources.add(new EntropySource(s.name(), s.kind(), s.description(),
                    s.commitment() == null || s.commitment().isBlank() ? null : s.commitment()));
        }
        try {
            Entropy.checkSources(sources);
        } catch (DrawInputException e) {
            throw ProblemException.invalid(e.field(), e.reason());
        }
        List<String> itemCodes = task.items.stream().filter(i -> i.department().equals(task.leadDepartment))
                .map(ItemRef::code).toList();
        CatalogReadModel.Rules rules = catalog.rules(task.leadDepartment, itemCodes);
        LocalDate to = inspectionTo(from, rules);
        Schedule schedule = new Schedule(frequency(task, batch, from), windows(task, request, rules, from, to, today));

        UUID drawId = UUID.randomUUID();
        List<String> departments = task.participatingDepartments();
        long t0 = System.nanoTime();
        PoolFreezer.Freezing freezing = freezer.freeze(new PoolFreezer.Scope(drawId, task.id, task.scope, departments,
                plan.year, task.periodFrom, task.periodTo, rules.maxPerYear(), rules.classANotTwice(), from, to));

        // Everything the announcement takes from the task and the catalog, read here: the worker below touches neither
        // the entities nor the database.
        Map<Stratum, BigDecimal> ratios = new HashMap<>();
        Map<Stratum, String> criteria = new HashMap<>();
        for (Stratum s : Stratum.values()) {
            ratios.put(s, task.ratio(s));
            criteria.put(s, PoolFreezer.criteria(task.scope, s));
        }
        int minimumCount = task.minimumCount;
        TreeSet<String> tags = new TreeSet<>();
        for (ItemRef i : task.items) {
            CatalogReadModel.Item item = catalog.item(i.code(), i.version());
            if (item != null) {
                tags.addAll(item.requiredTags());
            }
        }
        TeamRules team = new TeamRules(TeamRules.ALGORITHM, task.teamSize, 2, new ArrayList<>(tags),
                departments, from, to);
        TaskRef taskRef = new TaskRef(task.id.toString(), task.name, plan.id.toString(), task.leadDepartment,
                List.copyOf(task.cooperatingDepartments), task.drawLevel.name(), task.joint);
        List<String> items = task.items.stream().map(ItemRef::ref).sorted().distinct().toList();
        Instant announcedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String announcedBy = user.name();
        long t1 = System.nanoTime();
        // The exclusions are matched, and the announcement built, checked and written, on workers while this thread
        // stores the pools in the announcing transaction: one is the JVM's work, the other PostgreSQL's.
        CompletableFuture<Announced> built = freezing.frozen().thenApplyAsync(f -> announcement(drawId, f, ratios,
                criteria, minimumCount, taskRef, items, algorithm, team, sources, announcedAt, announcedBy, schedule),
                workers.executor());
        freezer.store(freezing);
        PoolFreezer.Frozen f = DrawWorkers.join(freezing.frozen());
        long t2 = System.nanoTime();
        Announced a = DrawWorkers.join(built);
        Announcement announcement = a.announcement();
        List<org.shuangsuiji.draw.algorithm.record.Stratum> strata = announcement.strata();
        long t3 = System.nanoTime();

        Draw d = new Draw();
        d.id = drawId;
        d.taskId = task.id;
        d.batch = batch;
        d.status = DrawStatus.ANNOUNCED;
        d.algorithm = algorithm;
        d.algorithmVersion = algorithm + " " + KeyDerivation.ID + " " + TeamRules.ALGORITHM + " " + Quotas.RULE_ID;
        d.inspectionFrom = from;
        d.inspectionTo = to;
        d.announcement = a.text();
        d.announcementSha256 = a.sha256();
        d.strataMap = a.strataMapText();
        d.announcedBy = announcedBy;
        d.announcedAt = announcedAt.atOffset(ZoneOffset.UTC);
        UniqueKeys.persist(d, "batch-already-drawn", "batch " + batch + " of task " + task.id + " already has a draw");
        frozen.insertSources(drawId, sources);
        long t4 = System.nanoTime();

        List<DrawEvents.StratumCount> counts = strata.stream().map(s -> new DrawEvents.StratumCount(s.id(),
                s.poolCount(), s.poolSha256(), s.eligible(), s.quota())).toList();
        outbox.publish(config.eventsTopic(), drawId.toString(), DrawEvents.ANNOUNCED, DrawEvents.SCHEMA_VERSION,
                new DrawEvents.Announced(drawId, task.id, plan.id, task.name, batch, task.leadDepartment,
                        List.copyOf(task.cooperatingDepartments), algorithm, d.announcementSha256, counts,
                        f.exclusions().size(), sources.stream().map(EntropySource::name).toList(), from, to,
                        d.announcedBy, d.announcedAt));
        LOG.infof("draw %s announced: freeze %d ms, pools stored %d ms, announcement %d ms more, stored %d ms, events %d"
                + " ms (%d exclusions)", drawId, ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, System.nanoTime()),
                f.exclusions().size());
        return view(d, announcement);
    }

    /** An announcement with its canonical text and hash, and the canonical text of its confidential strata map. */
    record Announced(Announcement announcement, String text, String sha256, String strataMapText) {}

    /**
     * The announcement of frozen inputs, validated, with its texts. Reads nothing but its arguments, so it runs on a
     * worker beside the request thread's database work.
     */
    static Announced announcement(UUID drawId, PoolFreezer.Frozen f, Map<Stratum, BigDecimal> ratios,
            Map<Stratum, String> criteria, int minimumCount, TaskRef taskRef, List<String> items, String algorithm,
            TeamRules team, List<EntropySource> sources, Instant announcedAt, String announcedBy, Schedule schedule) {
        // Public stratum ids say nothing about the class: S1..Sk in the byte order of the pool hashes.
        List<PoolFreezer.FrozenStratum> ordered = new ArrayList<>(f.strata());
        ordered.sort(Comparator.comparing(PoolFreezer.FrozenStratum::poolSha256)
                .thenComparing(PoolFreezer.FrozenStratum::stratum));
        Map<Stratum, String> publicIds = new HashMap<>();
        List<org.shuangsuiji.draw.algorithm.record.Stratum> strata = new ArrayList<>();
        List<StratumTerms> terms = new ArrayList<>();
        for (PoolFreezer.FrozenStratum s : ordered) {
            String id = "S" + (strata.size() + 1);
            publicIds.put(s.stratum(), id);
            BigDecimal ratio = ratios.get(s.stratum());
            long eligible = s.poolCount() - s.excluded();
            strata.add(new org.shuangsuiji.draw.algorithm.record.Stratum(id, s.poolCount(), s.poolSha256(), eligible,
                    Quotas.quota(ratio, minimumCount, eligible)));
            terms.add(new StratumTerms(id, s.stratum().name(), s.stratum().label(), criteria.get(s.stratum()),
                    ratio.stripTrailingZeros().toPlainString(), minimumCount));
        }
        StrataMap strataMap = new StrataMap(StrataMap.FORMAT, nonce(), terms);
        Announcement announcement = new Announcement(Announcement.FORMAT, drawId.toString(), taskRef, items, algorithm,
                KeyDerivation.ID, Quotas.RULE, strata, Announcements.strataMapSha256(strataMap),
                publicExclusions(f.exclusions(), publicIds), InspectorPools.frozen(f.inspectors()),
                ConflictMatrix.of(f.conflicts()).frozen(), team, sources, announcedAt, announcedBy, schedule);
        try {
            Announcements.validate(announcement, strataMap);
        } catch (DrawInputException e) {
            throw ProblemException.rule("announcement-invalid", e.field(), e.reason());
        }
        String text = DrawRecords.canonicalJson(announcement);
        return new Announced(announcement, text, sha256(text), DrawRecords.canonicalJson(strataMap));
    }

    private LocalDate inspectionTo(LocalDate from, CatalogReadModel.Rules rules) {
        return calendar.addWorkingDays(from, Math.max(0, rules.inspectWorkingDays() - 1));
    }

    /**
     * The frequency that admits this draw: the task's own text, else the smallest frequency of its catalog items.
     * A frequency of N a year (not a minimum) allows N draws of the task whose inspections start in one calendar
     * year; the plan row lock held by the caller keeps two announcements from both taking the last one.
     */
    private Schedule.Frequency frequency(Task task, int batch, LocalDate from) {
        String text = task.frequency;
        String source = "TASK";
        if (text == null || text.isBlank()) {
            Integer smallest = null;
            for (ItemRef i : task.items) {
                CatalogReadModel.Item item = catalog.item(i.code(), i.version());
                if (item != null && item.frequency() != null && (smallest == null || item.frequency() < smallest)) {
                    smallest = item.frequency();
                    source = "ITEM " + i.ref();
                }
            }
            if (smallest == null) {
                return null;
            }
            text = smallest + " 次/年";
        }
        Frequency frequency;
        try {
            frequency = Frequency.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.rule("frequency-unreadable", "frequency", e.getMessage()
                    + "; the task was planned before frequencies were checked: adjust the plan to state it");
        }
        int year = from.getYear();
        List<Draw> drawn = Draw.list("taskId = ?1 and inspectionFrom >= ?2 and inspectionFrom <= ?3 order by batch",
                task.id, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        if (!frequency.atLeast() && drawn.size() >= frequency.perYear()) {
            throw ProblemException.rule("frequency-exceeded", "batch", "the frequency '" + text + "' ("
                    + (source.equals("TASK") ? "the task's" : "of " + source.substring(5)) + ") allows "
                    + frequency.perYear() + " draw(s) with inspections starting in " + year + "; batch(es) "
                    + drawn.stream().map(d -> Integer.toString(d.batch)).toList() + " already start in " + year
                    + ", so batch " + batch + " starting " + from + " would exceed it");
        }
        return new Schedule.Frequency(text, source, frequency.perYear(), frequency.atLeast(), year, drawn.size() + 1);
    }

    /**
     * Every inspection day, {@code from} to {@code to}, must lie in a window of every rule set that binds one of
     * the task's items (item rules, else the department's): a joint task keeps every department's windows.
     */
    private List<Schedule.WindowRules> windows(Task task, AnnounceRequest request, CatalogReadModel.Rules rules,
            LocalDate from, LocalDate to, LocalDate today) {
        List<Schedule.WindowRules> out = new ArrayList<>();
        for (CatalogReadModel.Rules r : catalog.rulesOfItems(task.items)) {
            out.add(new Schedule.WindowRules(r.ref(), r.windows()));
        }
        out.sort(Comparator.comparing(Schedule.WindowRules::rules));
        for (Schedule.WindowRules w : out) {
            LocalDate outside;
            try {
                outside = w.firstDayOutside(from, to);
            } catch (IllegalArgumentException e) {
                throw ProblemException.rule("outside-inspection-window", "inspectionFrom", "the implementation rules "
                        + w.rules() + " have an unreadable window: " + e.getMessage());
            }
            if (outside != null) {
                LocalDate next = firstFittingStart(out, rules, from.plusDays(1), task.periodTo);
                throw ProblemException.rule("outside-inspection-window", "inspectionFrom", "the inspection dates " + from
                        + " – " + to + (request.inspectionFrom() == null ? " (inspectionFrom not given: " + from + ")" : "")
                        + " leave the inspection windows " + windowText(w.windows()) + " of the implementation rules "
                        + w.rules() + " on " + outside + "; "
                        + (next == null ? "no start in the task's period up to " + task.periodTo + " fits every window"
                                : "the first start that fits every window is " + next));
            }
        }
        return out;
    }

    private LocalDate firstFittingStart(List<Schedule.WindowRules> windows, CatalogReadModel.Rules rules, LocalDate start,
            LocalDate last) {
        for (LocalDate day = start; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate d = day;
            LocalDate end = inspectionTo(d, rules);
            if (windows.stream().allMatch(w -> w.firstDayOutside(d, end) == null)) {
                return d;
            }
        }
        return null;
    }

    private static String windowText(List<Schedule.Window> windows) {
        return String.join(", ", windows.stream().map(w -> w.from() + "..." + w.to()).toList());
    }

    // --- reveal --------------------------------------------------------------------------------------------------

    @Transactional
    public DrawView reveal(UUID drawId, RevealRequest r, CurrentUser user) {
        Draw d = Draw.findById(drawId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("draw", drawId.toString());
        }
        if (d.status == DrawStatus.COMPUTED) {
            throw ProblemException.conflict("already-computed", "draw " + drawId + " is computed; its entropy is final");
        }
        Announcement a = DrawRecords.parseAnnouncement(d.announcement);
        EntropySource source = a.entropySources().stream().filter(s -> s.name().equals(r.name())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("name", "'" + r.name() + "' is not announced; the sources are "
                        + a.entropySources().stream().map(EntropySource::name).toList()));
        if (frozen.entropy(drawId).stream().anyMatch(v -> v.name().equals(r.name()))) {
            throw ProblemException.conflict("entropy-already-entered", "the value of '" + r.name()
                    + "' was entered already; a value is entered once");
        }
        String salt = r.salt() == null || r.salt().isEmpty() ? null : r.salt();
        if (source.kind() == EntropyKind.WITNESS_COMMITMENT && salt == null) {
            throw ProblemException.invalid("salt", "is required: it opens the witness commitment");
        }
        if (source.kind() == EntropyKind.WITNESS_COMMITMENT && !Entropy.matchesCommitment(r.value(), salt, source.commitment())) {
            throw ProblemException.rule("commitment-mismatch", "value", "SHA-256(value + \"\\n\" + salt) does not "
                    + "match the commitment " + source.commitment() + " announced for '" + source.name() + "'");
        }
        EntropyValue value = new EntropyValue(source.name(), r.value(), salt, r.sourceReference(), user.name(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        // The algorithm's own rules for values (text, salt only on witness values), applied to what is in so far:
        // a stored value can never be replaced, so it must be one the computation will accept.
        Map<String, EntropyValue> byName = new HashMap<>();
        frozen.entropy(drawId).forEach(v -> byName.put(v.name(), v));
        byName.put(value.name(), value);
        List<EntropySource> enteredSources = new ArrayList<>();
        List<EntropyValue> enteredValues = new ArrayList<>();
        for (EntropySource s : a.entropySources()) {
            if (byName.containsKey(s.name())) {
                enteredSources.add(s);
                enteredValues.add(byName.get(s.name()));
            }
        }
        try {
            Entropy.checkReveal(enteredSources, enteredValues);
        } catch (DrawInputException e) {
            String field = e.field().contains(".") ? e.field().substring(e.field().lastIndexOf('.') + 1) : e.field();
            throw ProblemException.invalid(field, e.reason());
        }
        frozen.insertEntropy(drawId, value);
        return view(d, a);
    }

    // --- compute -------------------------------------------------------------------------------------------------

    /**
     * Computes the draw exactly once. Concurrent calls (any replica) queue on the draw's row lock; the first computes,
     * every later one finds it COMPUTED and gets 409. The primary key of draw_result is the last guard.
     */
    @Transactional
    public DrawView compute(UUID drawId, CurrentUser user) {
        Draw d = Draw.findById(drawId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("draw", drawId.toString());
        }
        if (d.status == DrawStatus.COMPUTED) {
            throw ProblemException.conflict("already-computed", "draw " + drawId + " was computed at " + d.computedAt
                    + " by " + d.computedBy + "; a draw is computed once and never again");
        }
        Task task = Task.findById(d.taskId);
        Plan plan = Plan.findById(task.planId);
        if (!user.hasRole(Roles.WITNESS)) {
            requireOrganiser(plan, task, user);
        }
        Announcement a = DrawRecords.parseAnnouncement(d.announcement);
        Map<String, EntropyValue> entered = new HashMap<>();
        frozen.entropy(drawId).forEach(v -> entered.put(v.name(), v));
        List<String> missing = new ArrayList<>();
        List<EntropyValue> values = new ArrayList<>();
        for (EntropySource s : a.entropySources()) {
            EntropyValue v = entered.get(s.name());
            if (v == null) {
                missing.add(s.name());
            } else {
                values.add(v);
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.rule("entropy-missing", "entropySources", "not all announced values are entered yet: "
                    + String.join(", ", missing));
        }
        Instant computedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<InspectorCandidate> inspectors = frozen.inspectors(drawId);
        ConflictMatrix conflicts = ConflictMatrix.of(frozen.conflicts(drawId));
        DrawComputer.Ranked ranked;
        long t0 = System.nanoTime();
        try {
            // The strata are ranked on the worker threads, each reading its frozen pool on a connection of its own
            // (committed at announcement; nothing of this transaction is needed to read them).
            ranked = DrawComputer.rank(a, values, frozen.pools(drawId, classes(d)), inspectors, conflicts,
                    workers.executor());
        } catch (DrawInputException e) {
            throw ProblemException.rule("draw-input-rejected", e.field(), e.reason());
        }
        long t1 = System.nanoTime();
        // The teams are assigned, and then the record text and its hash written, on a worker while this thread stores
        // the selections, which need only the ranking. The announcement, the record's first member, is stored already:
        // when the announcement the record holds hashes to the stored hash (then it is that text, byte for byte), only
        // the rest of the record is written and stored, and the hash covers the stored announcement text followed by
        // it (ADR 0019).
        String storedAnnouncement = d.announcement;
        boolean sameAnnouncement = ranked.announcementSha256().equals(d.announcementSha256);
        String computedBy = user.name();
        CompletableFuture<DrawRecord> teamed = CompletableFuture.supplyAsync(
                () -> ranked.withTeams(inspectors, conflicts, computedBy, computedAt), workers.executor());
        CompletableFuture<FrozenInputs.RecordText> text = teamed.thenApplyAsync(computed -> {
            if (sameAnnouncement) {
                String after = DrawRecords.canonicalJsonAfterAnnouncement(computed);
                return FrozenInputs.RecordText.afterAnnouncement(after,
                        DrawRecords.sha256AroundAnnouncement(storedAnnouncement, after));
            }
            String whole = DrawRecords.canonicalJson(computed);
            return FrozenInputs.RecordText.whole(whole, sha256(whole));
        }, workers.executor());
        // The subjects' names (for the events, current values of the read model) on a worker's own connection.
        List<String> usccs = new ArrayList<>();
        ranked.selections().forEach(r -> r.selections().forEach(s -> usccs.add(s.uscc())));
        CompletableFuture<Map<String, String>> names = CompletableFuture.supplyAsync(() -> frozen.subjectNames(usccs),
                workers.executor());
        int selected = usccs.size();
        frozen.insertSelections(d, task, plan, ranked.selections());
        long t1b = System.nanoTime();
        DrawRecord record;
        try {
            record = DrawWorkers.join(teamed);
        } catch (DrawInputException e) {
            throw ProblemException.rule("draw-input-rejected", e.field(), e.reason());
        }
        long t1c = System.nanoTime();
        String rate = riskClassApplicationRate(task, record, classes(d));
        frozen.insertTeamLoads(d, plan.year, record);
        Map<String, String> inspectorNames = frozen.inspectorNames(d.id);
        long t2a = System.nanoTime();
        Map<String, String> subjectNames = DrawWorkers.join(names);
        long t2 = System.nanoTime();
        FrozenInputs.RecordText recordText = DrawWorkers.join(text);
        String sha256 = recordText.sha256();
        long t3 = System.nanoTime();
        d.computedBy = computedBy;
        d.computedAt = computedAt.atOffset(ZoneOffset.UTC);
        CatalogReadModel.Rules rules = catalog.rules(task.leadDepartment, task.items.stream()
                .filter(i -> i.department().equals(task.leadDepartment)).map(ItemRef::code).toList());
        DrawEvents.DeadlineBasis basis = new DrawEvents.DeadlineBasis(d.computedAt.toLocalDate(), d.inspectionFrom,
                d.inspectionTo, rules.inspectWorkingDays(), rules.resultEntryWorkingDays());
        // The event texts are written on a worker while this thread stores the record.
        CompletableFuture<List<String>> parts = CompletableFuture.supplyAsync(() -> completedParts(mapper, d, task, plan,
                record, sha256, rate, selected, subjectNames, inspectorNames, basis, config.completedPartSize()),
                workers.executor());
        frozen.insertResult(d, record, recordText, selected, rate);
        d.status = DrawStatus.COMPUTED;
        d.flush();
        long t4 = System.nanoTime();
        List<String> data = DrawWorkers.join(parts);
        long t5 = System.nanoTime();
        publishCompleted(d, data);
        LOG.infof("draw %s computed: ranking %d ms, selections stored %d ms, teams %d ms more, team loads stored %d ms,"
                + " subject names %d ms more, record JSON and hash %d ms more, record stored %d ms, event texts %d ms"
                + " more, events %d ms (%d selected)", drawId, ms(t0, t1), ms(t1, t1b), ms(t1b, t1c), ms(t1c, t2a),
                ms(t2a, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5), ms(t5, System.nanoTime()), selected);
        return view(d, a);
    }

    /**
     * 信用风险分类结果应用率: the share of drawn subjects whose quota came from their own risk class. Subjects without
     * a class do not count; when the task's four ratios are equal, the class changed nothing and the rate is 0.
     */
    static String riskClassApplicationRate(Task task, DrawRecord record, Map<String, Stratum> classes) {
        int all = 0;
        int classed = 0;
        for (StratumResult r : record.selections()) {
            all += r.selections().size();
            if (classes.get(r.stratum()).isRiskClass()) {
                classed += r.selections().size();
            }
        }
        boolean differentiated = task.ratioA.compareTo(task.ratioD) != 0;
        if (all == 0) {
            return null;
        }
        return BigDecimal.valueOf(differentiated ? classed : 0).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /**
     * The data of the {@code draw.completed} parts as JSON text, written with the application's mapper exactly as
     * {@link Outbox#publish} would write it (docs/events.md): no database access, so it runs on a worker thread, and
     * {@link DrawWarmUp} compiles it before a draw.
     */
    static List<String> completedParts(ObjectMapper mapper, Draw d, Task task, Plan plan, DrawRecord record,
            String sha256, String rate, int selected, Map<String, String> subjectNames,
            Map<String, String> inspectorNames, DrawEvents.DeadlineBasis basis, int partSize) {
        List<DrawEvents.Completed> parts = completed(d, task, plan, record, sha256, rate, selected, subjectNames,
                inspectorNames, basis, partSize);
        List<String> out = new ArrayList<>(parts.size());
        try {
            for (DrawEvents.Completed part : parts) {
                out.add(mapper.writeValueAsString(part));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write draw.completed of draw " + d.id, e);
        }
        return out;
    }

    /** The parts of {@code draw.completed}, each with at most {@code partSize} subjects. */
    static List<DrawEvents.Completed> completed(Draw d, Task task, Plan plan, DrawRecord record, String sha256,
            String rate, int selected, Map<String, String> subjectNames, Map<String, String> inspectorNames,
            DrawEvents.DeadlineBasis basis, int partSize) {
        // Teams and infeasible subjects each come in assignment order: merged, not sorted (a sort inlined into this
        // once-a-draw method was part of what C2 recompiled in every draw, JFR 2026-12-07).
        List<Team> teams = record.teams();
        List<Infeasible> infeasible = record.infeasible();
        List<DrawEvents.DrawnSubject> subjects = new ArrayList<>(teams.size() + infeasible.size());
        int nextTeam = 0;
        int nextInfeasible = 0;
        while (nextTeam < teams.size() || nextInfeasible < infeasible.size()) {
            if (nextInfeasible == infeasible.size() || nextTeam < teams.size()
                    && teams.get(nextTeam).order() < infeasible.get(nextInfeasible).order()) {
                subjects.add(drawnSubject(teams.get(nextTeam++), subjectNames, inspectorNames));
            } else {
                Infeasible x = infeasible.get(nextInfeasible++);
                subjects.add(new DrawEvents.DrawnSubject(x.uscc(), subjectNames.get(x.uscc()), x.order(), List.of(),
                        x.reason()));
            }
        }
        List<DrawEvents.Item> items = task.items.stream().map(i -> new DrawEvents.Item(i.department(), i.code(), i.version()))
                .toList();
        int parts = Math.max(1, (subjects.size() + partSize - 1) / partSize);
        List<DrawEvents.Completed> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            List<DrawEvents.DrawnSubject> chunk = subjects.subList(p * partSize,
                    Math.min(subjects.size(), (p + 1) * partSize));
            out.add(new DrawEvents.Completed(d.id, task.id, plan.id, task.name, d.batch, task.leadDepartment,
                    List.copyOf(task.cooperatingDepartments), task.drawLevel.name(), task.joint, items, sha256,
                    rate, selected, record.infeasible().size(), basis, p + 1, parts, new ArrayList<>(chunk),
                    d.computedBy, d.computedAt));
        }
        return out;
    }

    private static DrawEvents.DrawnSubject drawnSubject(Team t, Map<String, String> subjectNames,
            Map<String, String> inspectorNames) {
        List<DrawEvents.Member> members = new ArrayList<>(t.members().size());
        for (TeamMember m : t.members()) {
            members.add(new DrawEvents.Member(m.inspectorId(), inspectorNames.get(m.inspectorId()), m.department(),
                    m.kind(), m.role()));
        }
        return new DrawEvents.DrawnSubject(t.uscc(), subjectNames.get(t.uscc()), t.order(), members, null);
    }

    /** The parts' texts as one batch: PostgreSQL wraps each in the same envelope {@link Outbox#publish} writes. */
    private void publishCompleted(Draw d, List<String> data) {
        outbox.publishTexts(config.eventsTopic(), d.id.toString(), DrawEvents.COMPLETED, DrawEvents.SCHEMA_VERSION, data);
    }

    // --- substitute ----------------------------------------------------------------------------------------------

    @Transactional
    public Substitution substitute(UUID drawId, SubstitutionRequest r, CurrentUser user) {
        Draw d = Draw.findById(drawId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("draw", drawId.toString());
        }
        Task task = Task.findById(d.taskId);
        Plan plan = Plan.findById(task.planId);
        requireOrganiser(plan, task, user);
        if (d.status != DrawStatus.COMPUTED) {
            throw ProblemException.conflict("not-computed", "draw " + drawId + " has no teams yet");
        }
        DrawRecord record = DrawRecords.parseRecord(frozen.record(drawId));
        List<Substitution> previous = frozen.substitutions(drawId);
        Substitution s;
        try {
            s = Substitutions.next(record, previous, frozen.inspectors(drawId), ConflictMatrix.of(frozen.conflicts(drawId)),
                    r.uscc(), r.inspectorId(), r.reason().strip(), user.name(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        } catch (DrawInputException e) {
            if (e.field().equals("inspectorId") && e.reason().startsWith("no eligible")) {
                throw ProblemException.rule("no-replacement", e.field(), e.reason());
            }
            throw ProblemException.invalid(e.field(), e.reason());
        }
        String sha256 = DrawRecords.substitutionSha256(s);
        frozen.insertSubstitution(drawId, s, DrawRecords.canonicalJson(s), sha256);
        outbox.publish(config.eventsTopic(), drawId.toString(), DrawEvents.SUBSTITUTED, DrawEvents.SCHEMA_VERSION,
                new DrawEvents.Substituted(drawId, task.id, s.sequence(), s.uscc(), s.leavingInspectorId(),
                        s.joiningInspectorId(), frozen.inspectorNames(drawId).get(s.joiningInspectorId()),
                        s.joiningDepartment(), s.reason(), s.approvedBy(), s.approvedAt().atOffset(ZoneOffset.UTC), sha256));
        return s;
    }

    // --- reads ---------------------------------------------------------------------------------------------------

    @Transactional
    public DrawView get(UUID drawId) {
        Draw d = find(drawId);
        return view(d, DrawRecords.parseAnnouncement(d.announcement));
    }

    @Transactional
    public List<DrawView> ofTask(UUID taskId) {
        List<DrawView> out = new ArrayList<>();
        for (Draw d : Draw.<Draw>list("taskId = ?1 order by batch", taskId)) {
            out.add(view(d, DrawRecords.parseAnnouncement(d.announcement)));
        }
        return out;
    }

    /**
     * The confidential strata map: which public stratum is which risk class. Witnesses, auditors and platform admins
     * read every draw's; a planner only a draw of a task their department takes part in, never another department's.
     */
    @Transactional
    public String strataMap(UUID drawId, CurrentUser user) {
        Draw d = find(drawId);
        if (!user.hasRole(Roles.WITNESS) && !user.hasRole(Roles.AUDITOR) && !user.hasRole(Roles.PLATFORM_ADMIN)) {
            Task task = Task.findById(d.taskId);
            if (user.department() == null || !task.participatingDepartments().contains(user.department())) {
                throw ProblemException.forbidden("the strata map of draw " + drawId + " is confidential to the departments"
                        + " taking part in its task (" + String.join(", ", task.participatingDepartments()) + ")");
            }
        }
        return d.strataMap;
    }

    @Transactional
    public Draw find(UUID drawId) {
        Draw d = Draw.findById(drawId);
        if (d == null) {
            throw ProblemException.notFound("draw", drawId.toString());
        }
        return d;
    }

    private DrawView view(Draw d, Announcement a) {
        List<DrawView.StratumSummary> strata = a.strata().stream().map(s -> new DrawView.StratumSummary(s.id(),
                s.poolCount(), s.poolSha256(), s.eligible(), s.quota())).toList();
        Map<String, EntropyValue> entered = new LinkedHashMap<>();
        frozen.entropy(d.id).forEach(v -> entered.put(v.name(), v));
        List<DrawView.SourceState> sources = new ArrayList<>();
        for (EntropySource s : a.entropySources()) {
            EntropyValue v = entered.get(s.name());
            sources.add(new DrawView.SourceState(s.name(), s.kind().name(), s.description(), s.commitment(), v != null,
                    v == null ? null : v.enteredBy(), v == null ? null : v.enteredAt().atOffset(ZoneOffset.UTC)));
        }
        Task task = Task.findById(d.taskId);
        return new DrawView(d.id, d.taskId, task.planId, d.batch, d.status, d.algorithm, d.inspectionFrom,
                d.inspectionTo, d.announcementSha256, d.announcedBy, d.announcedAt, strata, a.exclusions().size(),
                sources, frozen.result(d.id));
    }

    /** The confidential strata map of a draw: public stratum id → risk class. */
    public static Map<String, Stratum> classes(Draw d) {
        Map<String, Stratum> out = new HashMap<>();
        for (StratumTerms t : DrawRecords.parseStrataMap(d.strataMap).strata()) {
            out.put(t.stratum(), Stratum.valueOf(t.riskClass()));
        }
        return out;
    }

    /**
     * The exclusions as published, in announced order (public stratum, then USCC). A method of its own so that the
     * JIT compiles this loop, which runs once per exclusion, and not the whole of {@link #announce} around it: that
     * took the compiler 0.6-1.2 s (under JFR) in one of the benchmark's first draws (docs/performance.md).
     */
    private static List<Exclusion> publicExclusions(List<Exclusion> frozen, Map<Stratum, String> publicIds) {
        List<Exclusion> exclusions = new ArrayList<>(frozen.size());
        for (Exclusion e : frozen) {
            exclusions.add(publicExclusion(e, publicIds.get(Stratum.valueOf(e.stratum()))));
        }
        exclusions.sort((x, y) -> {
            int c = x.stratum().compareTo(y.stratum());
            return c != 0 ? c : PoolHasher.compareBytes(x.uscc(), y.uscc());
        });
        return exclusions;
    }

    /**
     * The announcement is public, so an exclusion that would reveal a class (class A not twice a year) and, to keep
     * that ambiguous, the yearly cap are published as RULE_LIMIT; the precise reason stays in draw_exclusion for
     * witnesses and auditors.
     */
    static Exclusion publicExclusion(Exclusion e, String publicStratum) {
        if (e.reason().equals("DRAWN_BY_OTHER_TASK")) {
            return new Exclusion(publicStratum, e.uscc(), e.reason(), e.detail());
        }
        return new Exclusion(publicStratum, e.uscc(), "RULE_LIMIT",
                "limit of the implementation rules on inspections per subject and year");
    }

    private static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    static String sha256(String text) {
        return org.shuangsuiji.draw.algorithm.Sha256.hex(text);
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DrawService.class);

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** 谁发起、谁组织: planners of the plan's department or of the task's lead department organise its draws. */
    private static void requireOrganiser(Plan plan, Task task, CurrentUser user) {
        if (user.hasRole(Roles.PLATFORM_ADMIN)) {
            return;
        }
        String mine = user.department();
        if (mine == null || !(mine.equals(plan.department) || mine.equals(task.leadDepartment))) {
            throw ProblemException.forbidden("draws of task " + task.id + " are organised by " + plan.department
                    + (plan.department.equals(task.leadDepartment) ? "" : " or " + task.leadDepartment));
        }
    }

    private static int nextBatch(Task task) {
        Integer max = Draw.getEntityManager()
                .createQuery("SELECT max(d.batch) FROM Draw d WHERE d.taskId = :task", Integer.class)
                .setParameter("task", task.id).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
