package org.shuangsuiji.draw.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.shuangsuiji.draw.algorithm.ConflictPair;
import org.shuangsuiji.draw.algorithm.InspectorCandidate;
import org.shuangsuiji.draw.algorithm.record.Exclusion;
import org.shuangsuiji.draw.domain.ExclusionReason;
import org.shuangsuiji.draw.domain.Stratum;
import org.shuangsuiji.draw.domain.SubjectScope;

/**
 * Freezes a draw's inputs from the read models for the announcing transaction: per stratum the pool in canonical order
 * with its count and SHA-256 (roster's rule: {@code uscc + "\n"} per member), read in ranges on one snapshot by two
 * connections (ADR 0018); the exclusions (名单比对, yearly caps, class A not twice), matched here against the sorted
 * pools (ADR 0020); the candidate inspectors and the conflict matrix.
 */
@ApplicationScoped
public class PoolFreezer {

    /** What the task's draw takes from the read models. */
    public record Scope(UUID drawId, UUID taskId, SubjectScope subjects, List<String> departments, int year,
            LocalDate periodFrom, LocalDate periodTo, Integer maxPerYear, boolean classANotTwice,
            LocalDate inspectionFrom, LocalDate inspectionTo) {}

    public record FrozenStratum(Stratum stratum, long poolCount, String poolSha256, long excluded) {}

    /** A draw's frozen inputs, the exclusions matched. */
    public record Frozen(UUID drawId, List<FrozenStratum> strata, List<Exclusion> exclusions,
            List<InspectorCandidate> inspectors, List<ConflictPair> conflicts, Part pools) {}

    /**
     * What {@link #freeze} read and hashed, and its exclusions being matched on a worker: {@link #store} writes the
     * pools first and waits for the exclusions only to write them after, so the matching runs beside the pools' write.
     *
     * @param poolSha256 per stratum, in {@link Stratum} order
     * @param frozen     the frozen inputs, once the exclusions are matched
     * @param lines      the exclusions as {@code draw_exclusion_list} stores them (empty when there are none)
     */
    public record Freezing(UUID drawId, Part pools, String[] poolSha256, CompletableFuture<Frozen> frozen,
            CompletableFuture<String> lines) {}

    private final AgroalDataSource dataSource;
    private final FrozenInputs frozen;
    private final DrawWorkers workers;

    public PoolFreezer(AgroalDataSource dataSource, FrozenInputs frozen, DrawWorkers workers) {
        this.dataSource = dataSource;
        this.frozen = frozen;
        this.workers = workers;
    }

    /**
     * Reads and hashes the pools and freezes the inspectors and conflicts; the exclusions are matched on a worker. The
     * pools and exclusions are stored by {@link #store}, in the same transaction, so the caller can build the
     * announcement meanwhile.
     */
    public Freezing freeze(Scope scope) {
        try (Connection c = dataSource.getConnection()) {
            long t0 = System.nanoTime();
            List<String> cuts = cuts(c, scope);
            Read read = readParts(scope, cuts);
            long t1 = System.nanoTime();
            Part pools = read.pools();
            Stratum[] classes = Stratum.values();
            String[] hashes = new String[classes.length];
            for (int i = 0; i < classes.length; i++) {
                hashes[i] = org.shuangsuiji.draw.algorithm.Sha256.hex(pools.members()[i]);
            }
            long t2 = System.nanoTime();
            freezeInspectors(c, scope);
            freezeConflicts(c, scope);
            // The inspectors and conflicts read back exactly as stored: the announced hashes must be those of the
            // stored rows.
            List<InspectorCandidate> inspectors = frozen.inspectors(scope.drawId());
            List<ConflictPair> conflicts = frozen.conflicts(scope.drawId());
            org.jboss.logging.Logger log = org.jboss.logging.Logger.getLogger(PoolFreezer.class);
            log.infof("draw %s frozen: pools and prior selections read %d ms (%d ranges, two connections, one snapshot),"
                            + " pools hashed %d ms, inspectors and conflicts %d ms", scope.drawId(),
                    (t1 - t0) / 1_000_000, cuts.size() + 1, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            CompletableFuture<Frozen> matched = CompletableFuture.supplyAsync(() -> {
                long m0 = System.nanoTime();
                List<Exclusion> exclusions = exclusions(pools, read.priors(), scope.maxPerYear(), scope.classANotTwice());
                java.util.Map<String, Long> excludedByStratum = new java.util.HashMap<>();
                exclusions.forEach(e -> excludedByStratum.merge(e.stratum(), 1L, Long::sum));
                List<FrozenStratum> strata = new ArrayList<>();
                for (int i = 0; i < classes.length; i++) {
                    strata.add(new FrozenStratum(classes[i], pools.counts()[i], hashes[i],
                            excludedByStratum.getOrDefault(classes[i].name(), 0L)));
                }
                log.infof("draw %s exclusions matched beside the pools' store: %d ms (%d exclusions)", scope.drawId(),
                        (System.nanoTime() - m0) / 1_000_000, exclusions.size());
                return new Frozen(scope.drawId(), strata, exclusions, inspectors, conflicts, pools);
            }, workers.executor());
            CompletableFuture<String> lines = matched.thenApplyAsync(f -> exclusionLines(f.exclusions()),
                    workers.executor());
            return new Freezing(scope.drawId(), pools, hashes, matched, lines);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot freeze the pools of draw " + scope.drawId(), e);
        }
    }

    /**
     * The pools, with the hashes {@link #freeze} announced, and then, once matched, the exclusion lines into the
     * announcing transaction.
     */
    public void store(Freezing f) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO draw_stratum (draw_id, stratum, pool_count, pool_sha256, members)
                    VALUES (?, ?, ?, ?, ?)""")) {
                for (Stratum stratum : Stratum.values()) {
                    int i = stratum.ordinal();
                    ps.setObject(1, f.drawId());
                    ps.setString(2, stratum.name());
                    ps.setInt(3, f.pools().counts()[i]);
                    ps.setString(4, f.poolSha256()[i]);
                    ps.setBytes(5, f.pools().members()[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            int excluded = DrawWorkers.join(f.frozen()).exclusions().size();
            if (excluded > 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO draw_exclusion_list (draw_id, count, lines) VALUES (?, ?, ?)")) {
                    ps.setObject(1, f.drawId());
                    ps.setInt(2, excluded);
                    ps.setString(3, DrawWorkers.join(f.lines()));
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the pools of draw " + f.drawId(), e);
        }
    }

    /**
     * What one statement read from a USCC range of the scope: per stratum (in {@link Stratum} order) the count and the
     * members' bytes ("uscc\n" each, in canonical order).
     */
    record Part(int[] counts, byte[][] members) {

        /** The parts of consecutive ranges, in range order: the ranges are disjoint, so the bytes stay canonical. */
        static Part concat(List<Part> parts) {
            int strata = parts.get(0).counts.length;
            int[] n = new int[strata];
            byte[][] m = new byte[strata][];
            for (int i = 0; i < strata; i++) {
                int length = 0;
                for (Part p : parts) {
                    n[i] += p.counts[i];
                    length += p.members[i].length;
                }
                m[i] = new byte[length];
                int at = 0;
                for (Part p : parts) {
                    System.arraycopy(p.members[i], 0, m[i], at, p.members[i].length);
                    at += p.members[i].length;
                }
            }
            return new Part(n, m);
        }
    }

    /**
     * The year's earlier selections that share a department with the task, one entry per USCC in byte order: the
     * first draw of an overlapping period (null if none), the number of draws this year, the first draw this year.
     */
    record Priors(byte[][] usccs, String[] samePeriod, int[] thisYear, String[] anyDraw) {
        int size() {
            return usccs.length;
        }
    }

    /** The pools and the prior selections, read on one snapshot. */
    record Read(Part pools, Priors priors) {}

    /**
     * The scope's pools and the year's prior selections as of one snapshot, read range by range between the
     * {@code cuts} (ascending USCCs; the scope's octiles, roughly) by two connections beside the announcing
     * transaction, so both cores work on it (ADR 0018): the first exports its snapshot, the second imports it before
     * reading, and each takes the next statement not yet taken (the prior selections first, then the ranges) until
     * none is left, so neither waits long for the other whatever the statements cost. One connection when there are
     * no cuts.
     */
    Read readParts(Scope scope, List<String> cuts) {
        List<String[]> ranges = new ArrayList<>();
        String from = null;
        for (String cut : cuts) {
            ranges.add(new String[] {from, cut});
            from = cut;
        }
        ranges.add(new String[] {from, null});
        Part[] parts = new Part[ranges.size()];
        Priors[] priors = new Priors[1];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        // Off the request thread even for one range: its connections belong to the announcing transaction.
        java.util.concurrent.Executor io = workers.io();
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        if (ranges.size() == 1) {
            readers.add(CompletableFuture.runAsync(() -> read(scope, ranges, next, parts, priors, null, null), io));
        } else {
            CompletableFuture<String> snapshot = new CompletableFuture<>();
            CompletableFuture<Void> imported = new CompletableFuture<>();
            readers.add(CompletableFuture.runAsync(
                    () -> read(scope, ranges, next, parts, priors, new Export(snapshot, imported), null), io));
            readers.add(CompletableFuture.runAsync(
                    () -> read(scope, ranges, next, parts, priors, null, new Import(snapshot, imported)), io));
        }
        try {
            readers.forEach(CompletableFuture::join);
        } catch (java.util.concurrent.CompletionException e) {
            readers.forEach(r -> r.cancel(false));
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return new Read(Part.concat(List.of(parts)), priors[0]);
    }

    /** The exporting side's hand-over: the snapshot id out, and word that the importer has it (or has failed). */
    private record Export(CompletableFuture<String> snapshot, CompletableFuture<Void> imported) {}

    private record Import(CompletableFuture<String> snapshot, CompletableFuture<Void> imported) {}

    /**
     * The statements not yet taken by the other connection (0 the prior selections, then one per range), in a
     * read-only transaction of this connection (on the shared snapshot when exporting or importing); each result goes
     * to its slot.
     */
    private void read(Scope scope, List<String[]> ranges, java.util.concurrent.atomic.AtomicInteger next, Part[] parts,
            Priors[] priors, Export export, Import imports) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                if (imports != null) {
                    String id;
                    try {
                        id = imports.snapshot().get(30, java.util.concurrent.TimeUnit.SECONDS);
                        st.execute("SET TRANSACTION SNAPSHOT '" + id.replace("'", "''") + "'");
                    } finally {
                        imports.imported().complete(null);
                    }
                }
                // A class stratum of 250 000 members is sorted for its aggregate: with the default 4 MB it spilled to
                // disk (external merge, ~6 MB per stratum: EXPLAIN in DrawDatabaseBenchmark). Only for this transaction.
                st.execute("SET LOCAL work_mem = '64MB'");
                // pgjdbc server-prepares a statement run five times on a connection, and pooled connections keep it:
                // from then on PostgreSQL may plan it generically, without the values, and then estimates the
                // department's scope at a few thousand rows and sorts a bitmap scan instead of walking the primary key
                // (0.8 s against 0.35-0.5 s for half the scope; docs/performance.md). Planned for its values every time.
                st.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                if (export != null) {
                    try (ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
                        rs.next();
                        export.snapshot().complete(rs.getString(1));
                    }
                }
            } catch (Exception e) {
                if (export != null) {
                    export.snapshot().completeExceptionally(e);
                }
                throw e;
            }
            try {
                for (int i = next.getAndIncrement(); i <= ranges.size(); i = next.getAndIncrement()) {
                    if (i == 0) {
                        priors[0] = priors(c, scope);
                    } else {
                        parts[i - 1] = part(c, scope, ranges.get(i - 1)[0], ranges.get(i - 1)[1]);
                    }
                }
            } finally {
                if (export != null) {
                    // The exported snapshot lives only as long as this transaction: keep it until the other side has it.
                    try {
                        export.imported().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                        // the other side failed or never came; its own error is the one reported
                    }
                }
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the pools of draw " + scope.drawId() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while freezing draw " + scope.drawId(), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the snapshot of draw " + scope.drawId() + " was not shared: " + e, e);
        }
    }

    /**
     * The octiles of a sample of the scope's USCCs (about 1 000 of the table's pages, all of a small table), without
     * repeats; none when the sample holds nothing. Only the balance of the work depends on them, never what the ranges
     * read together. A page holds neighbouring USCCs when subjects were loaded in code order, so a sample of 200 pages
     * cut a million subjects as unevenly as 35:65 (docs/performance.md); 1 000 pages cost about 30 ms.
     */
    private static List<String> cuts(Connection c, Scope scope) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = scopeWhere(scope.subjects(), params);
        String sql = """
                SELECT percentile_disc(ARRAY[0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875]) WITHIN GROUP (ORDER BY s.uscc)
                FROM roster_subject s TABLESAMPLE SYSTEM ((SELECT least(100, greatest(0.1, 100000.0 / greatest(relpages, 1)))
                                                          FROM pg_class WHERE oid = 'roster_subject'::regclass))
                WHERE %s""".formatted(where);
        List<String> cuts = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            java.sql.Array array = rs.next() ? rs.getArray(1) : null;
            if (array != null) {
                for (Object cut : (Object[]) array.getArray()) {
                    if (cut != null && (cuts.isEmpty() || !cuts.get(cuts.size() - 1).equals(cut))) {
                        cuts.add((String) cut);
                    }
                }
            }
        }
        return cuts;
    }

    /** The roster snapshot query that yields the same pool, so anyone can cross-check the hash with roster-service. */
    public static String criteria(SubjectScope s, Stratum stratum) {
        StringBuilder q = new StringBuilder("GET roster-service /snapshots/subjects/summary?status=ACTIVE&department=")
                .append(s.department());
        append(q, "itemFamily", s.itemFamily());
        append(q, "industry", s.industry());
        append(q, "divisionPrefix", s.divisionPrefix());
        append(q, "kind", s.kind());
        if (!s.tags().isEmpty()) {
            append(q, "tags", String.join(",", s.tags()));
        }
        if (stratum.isRiskClass()) {
            append(q, "riskClasses", stratum.name());
        } else {
            q.append(" (subjects without a risk class: the pool without riskClasses minus classes A-D)");
        }
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(value);
        }
    }

    /** WHERE clause over roster_subject s for the task's subject scope (status ACTIVE only), parameters appended. */
    static String scopeWhere(SubjectScope s, List<Object> params) {
        StringBuilder w = new StringBuilder("s.status = 'ACTIVE' AND s.departments @> ARRAY[?]::text[]");
        params.add(s.department());
        if (s.itemFamily() != null) {
            w.append(" AND s.item_families @> ARRAY[?]::text[]");
            params.add(s.itemFamily());
        }
        if (s.industry() != null) {
            w.append(" AND s.industry_code LIKE ?");
            params.add(s.industry() + "%");
        }
        if (s.divisionPrefix() != null) {
            w.append(" AND s.division_code LIKE ?");
            params.add(s.divisionPrefix() + "%");
        }
        if (s.kind() != null) {
            w.append(" AND s.kind = ?");
            params.add(s.kind());
        }
        if (!s.tags().isEmpty()) {
            w.append(" AND s.tags && ?");
            params.add(s.tags().toArray(String[]::new));
        }
        return w.toString();
    }

    /**
     * One statement for all strata of a USCC range: the range is read once (a class stratum's members are spread over
     * the whole heap, so one statement per stratum read every page five times), and each stratum's ordered aggregate,
     * restricted to its class by {@code FILTER}, sorts only its own members (grouping by class instead sorted the whole
     * scope at once and was measured slower). Only the aggregates: counting each stratum with a {@code count(*) FILTER}
     * beside them, and appending the last newline with {@code convert_to(… || E'\n')}, took PostgreSQL a fifth of the
     * statement (430 against 345 ms per million members, docs/performance.md, 2026-12-08). The text comes as its raw
     * UTF-8 bytes, and {@link #poolBytes} appends the newline and counts the members by theirs.
     *
     * <p>The exclusions are not joined in here: a join of every member row with the prior selections cost PostgreSQL
     * about 0.35 s per million members, reading the prior selections by themselves about 0.09 s, and matching them
     * against the sorted pools in the JVM ({@link #exclusions}) a few tens of milliseconds (docs/performance.md).
     */
    private static Part part(Connection c, Scope scope, String from, String to) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = scopeWhere(scope.subjects(), params) + range("s.uscc", from, to, params);
        StringBuilder aggregates = new StringBuilder();
        for (Stratum stratum : Stratum.values()) {
            String filter = stratum.isRiskClass() ? "s.risk_class = '" + stratum.name() + "'" : "s.risk_class IS NULL";
            if (!aggregates.isEmpty()) {
                aggregates.append(",\n");
            }
            aggregates.append("string_agg(s.uscc, E'\\n' ORDER BY s.uscc) FILTER (WHERE %s)".formatted(filter));
        }
        String sql = "SELECT " + aggregates + "\nFROM roster_subject s\nWHERE " + where;
        int strata = Stratum.values().length;
        try (PreparedStatement ps = prepare(c, sql, params)) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int[] counts = new int[strata];
                byte[][] members = new byte[strata][];
                for (int k = 0; k < strata; k++) {
                    members[k] = poolBytes(rs.getBytes(k + 1));
                    counts[k] = lines(members[k]);
                }
                return new Part(counts, members);
            }
        }
    }

    /** A stratum's {@code string_agg} text (null when it has no member) as pool bytes, "uscc\n" per member. */
    static byte[] poolBytes(byte[] aggregate) {
        if (aggregate == null) {
            return new byte[0];
        }
        byte[] pool = Arrays.copyOf(aggregate, aggregate.length + 1);
        pool[aggregate.length] = '\n';
        return pool;
    }

    /** The members of pool bytes: one per newline (roster-service takes only valid USCCs, which hold none). */
    static int lines(byte[] pool) {
        int n = 0;
        for (byte b : pool) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * The year's selections by earlier draws with a department in common (名单比对 and the yearly rules look at nothing
     * else), grouped by USCC in byte order (the column's collation is "C").
     */
    private static Priors priors(Connection c, Scope scope) throws SQLException {
        List<Object> params = List.of(Date.valueOf(scope.periodTo()), Date.valueOf(scope.periodFrom()), scope.year(),
                scope.departments().toArray(String[]::new));
        List<byte[]> usccs = new ArrayList<>();
        List<String> samePeriod = new ArrayList<>();
        List<Integer> thisYear = new ArrayList<>();
        List<String> anyDraw = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, """
                SELECT d.uscc, min(d.draw_id::text) FILTER (WHERE t.period_from <= ? AND t.period_to >= ?),
                       count(*)::int, min(d.draw_id::text)
                FROM draw_selection d JOIN draw_selection_terms t ON t.draw_id = d.draw_id
                WHERE d.year = ? AND t.departments && ?
                GROUP BY d.uscc ORDER BY d.uscc""", params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                usccs.add(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                samePeriod.add(rs.getString(2));
                thisYear.add(rs.getInt(3));
                anyDraw.add(rs.getString(4));
            }
        }
        int[] counts = new int[thisYear.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = thisYear.get(i);
        }
        return new Priors(usccs.toArray(byte[][]::new), samePeriod.toArray(String[]::new), counts,
                anyDraw.toArray(String[]::new));
    }

    /**
     * The pool members the prior selections exclude, by stratum ({@link Stratum} order, which is the order of their
     * names) and USCC in byte order, the first applicable reason winning: drawn by another draw of an overlapping
     * period with a department in common (名单比对), the yearly cap, class A not twice a year. Both lists are sorted,
     * so one merge per stratum finds them. No database access, so {@link DrawWarmUp} compiles it before a draw.
     */
    static List<Exclusion> exclusions(Part pools, Priors priors, Integer maxPerYear, boolean classANotTwice) {
        List<Exclusion> out = new ArrayList<>();
        if (priors.size() == 0) {
            return out;
        }
        Stratum[] strata = Stratum.values();
        for (int k = 0; k < strata.length; k++) {
            byte[] m = pools.members()[k];
            boolean classA = strata[k] == Stratum.A && classANotTwice;
            int p = 0;
            int start = 0;
            for (int end = 0; end < m.length && p < priors.size(); end++) {
                if (m[end] != '\n') {
                    continue;
                }
                byte[] prior = priors.usccs()[p];
                int c = Arrays.compareUnsigned(prior, 0, prior.length, m, start, end);
                while (c < 0 && ++p < priors.size()) {
                    prior = priors.usccs()[p];
                    c = Arrays.compareUnsigned(prior, 0, prior.length, m, start, end);
                }
                if (c == 0) {
                    Exclusion e = exclusion(strata[k], prior, priors, p, maxPerYear, classA);
                    if (e != null) {
                        out.add(e);
                    }
                    p++;
                }
                start = end + 1;
            }
        }
        return out;
    }

    private static Exclusion exclusion(Stratum stratum, byte[] uscc, Priors priors, int p, Integer maxPerYear,
            boolean classANotTwice) {
        String reason;
        String detail;
        if (priors.samePeriod()[p] != null) {
            reason = ExclusionReason.DRAWN_BY_OTHER_TASK.name();
            detail = "draw " + priors.samePeriod()[p];
        } else if (maxPerYear != null && priors.thisYear()[p] >= maxPerYear) {
            reason = ExclusionReason.YEARLY_CAP.name();
            detail = priors.thisYear()[p] + " draws this year, cap " + maxPerYear;
        } else if (classANotTwice) {
            reason = ExclusionReason.CLASS_A_TWICE_A_YEAR.name();
            detail = "class A, drawn this year by draw " + priors.anyDraw()[p];
        } else {
            return null;
        }
        return new Exclusion(stratum.name(), new String(uscc, java.nio.charset.StandardCharsets.UTF_8), reason, detail);
    }

    /** The exclusions as draw_exclusion_list stores them: one line per exclusion in COPY's text format. */
    static String exclusionLines(List<Exclusion> exclusions) {
        StringBuilder b = new StringBuilder(exclusions.size() * 96);
        for (Exclusion e : exclusions) {
            copyEscape(b, e.stratum()).append('\t');
            copyEscape(b, e.uscc()).append('\t');
            copyEscape(b, e.reason()).append('\t');
            copyEscape(b, e.detail()).append('\n');
        }
        return b.toString();
    }

    private static StringBuilder copyEscape(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b;
    }

    /** {@code AND column >= from AND column < to}, each bound only when given. */
    private static String range(String column, String from, String to, List<Object> params) {
        StringBuilder b = new StringBuilder();
        if (from != null) {
            b.append(" AND ").append(column).append(" >= ?");
            params.add(from);
        }
        if (to != null) {
            b.append(" AND ").append(column).append(" < ?");
            params.add(to);
        }
        return b.toString();
    }

    /**
     * The exclusions from the lines of draw_exclusion_list, in COPY's text format (stratum, uscc, reason, detail), in
     * the announcement's order: by stratum, then USCC in byte order.
     */
    static List<Exclusion> parseExclusions(String rows) {
        List<Exclusion> out = new ArrayList<>();
        if (rows == null) {
            return out;
        }
        String[] f = new String[4];
        int start = 0;
        while (start < rows.length()) {
            int end = rows.indexOf('\n', start);
            if (end < 0) {
                end = rows.length();
            }
            int from = start;
            for (int k = 0; k < 4; k++) {
                int tab = k < 3 ? rows.indexOf('\t', from) : end;
                if (tab < 0 || tab > end) {
                    throw new IllegalStateException("unreadable exclusion row: " + rows.substring(start, end));
                }
                f[k] = copyUnescape(rows, from, tab);
                from = tab + 1;
            }
            out.add(new Exclusion(f[0], f[1], f[2], f[3]));
            start = end + 1;
        }
        out.sort((a, b) -> {
            int s = a.stratum().compareTo(b.stratum());
            return s != 0 ? s : org.shuangsuiji.draw.algorithm.PoolHasher.compareBytes(a.uscc(), b.uscc());
        });
        return out;
    }

    /** A value of COPY's text format back to its text: {@code \\}, {@code \t}, {@code \n}, {@code \r}. */
    static String copyUnescape(String s, int from, int to) {
        int slash = from;
        while (slash < to && s.charAt(slash) != '\\') {
            slash++;
        }
        if (slash == to) {
            return s.substring(from, to);
        }
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < to) {
                char next = s.charAt(++i);
                b.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** Every inspector of the participating departments, with what the algorithm checks on the inspection dates. */
    private void freezeInspectors(Connection c, Scope scope) throws SQLException {
        String sql = """
                INSERT INTO draw_inspector (draw_id, inspector_id, department, name, kind, certificate_valid_from,
                    certificate_valid_to, expertise, unavailable, yearly_workload_cap, prior_assignments)
                SELECT ?, i.id, i.department, i.name, i.kind, i.certificate_valid_from, i.certificate_valid_to,
                       i.expertise, i.availability, i.yearly_workload_cap,
                       (SELECT coalesce(sum(l.assignments), 0) FROM draw_inspector_load l
                        WHERE l.inspector_id = i.id AND l.year = ?)::int
                FROM roster_inspector i WHERE i.department = ANY (?)""";
        try (PreparedStatement ps = prepare(c, sql,
                List.of(scope.drawId(), scope.year(), scope.departments().toArray(String[]::new)))) {
            ps.executeUpdate();
        }
    }

    /** Conflicts in force on any inspection day, of the frozen inspectors (withdrawn ones no longer count). */
    private void freezeConflicts(Connection c, Scope scope) throws SQLException {
        String sql = """
                INSERT INTO draw_conflict (draw_id, inspector_id, uscc)
                SELECT DISTINCT ?::uuid, c.inspector_id, c.uscc FROM roster_conflict c
                JOIN draw_inspector i ON i.draw_id = ? AND i.inspector_id = c.inspector_id
                WHERE c.withdrawn_at IS NULL AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?)""";
        try (PreparedStatement ps = prepare(c, sql, List.of(scope.drawId(), scope.drawId(),
                Date.valueOf(scope.inspectionTo()), Date.valueOf(scope.inspectionFrom())))) {
            ps.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }
}
