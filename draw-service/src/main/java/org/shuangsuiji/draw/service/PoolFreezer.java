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
import java.util.List;
import java.util.UUID;
import org.shuangsuiji.draw.algorithm.ConflictPair;
import org.shuangsuiji.draw.algorithm.InspectorCandidate;
import org.shuangsuiji.draw.algorithm.record.Exclusion;
import org.shuangsuiji.draw.domain.Stratum;
import org.shuangsuiji.draw.domain.SubjectScope;

/**
 * Freezes a draw's inputs from the read models, inside the announcing transaction: per stratum the pool in canonical
 * order with its count and SHA-256 (roster's rule: {@code uscc + "\n"} per member), computed and stored by PostgreSQL
 * in one statement so a million subjects never pass through the JVM; the exclusions (名单比对, yearly caps, class A
 * not twice); the candidate inspectors and the conflict matrix.
 */
@ApplicationScoped
public class PoolFreezer {

    /** What the task's draw takes from the read models. */
    public record Scope(UUID drawId, UUID taskId, SubjectScope subjects, List<String> departments, int year,
            LocalDate periodFrom, LocalDate periodTo, Integer maxPerYear, boolean classANotTwice,
            LocalDate inspectionFrom, LocalDate inspectionTo) {}

    public record FrozenStratum(Stratum stratum, long poolCount, String poolSha256, long excluded) {}

    public record Frozen(List<FrozenStratum> strata, List<Exclusion> exclusions, List<InspectorCandidate> inspectors,
            List<ConflictPair> conflicts) {}

    private final AgroalDataSource dataSource;
    private final FrozenInputs frozen;
    public PoolFreezer(AgroalDataSource dataSource, FrozenInputs frozen) {
        this.dataSource = dataSource;
        this.frozen = frozen;
    }

    public Frozen freeze(Scope scope) {
        try (Connection c = dataSource.getConnection()) {
            // A class stratum of 250 000 members is sorted for its aggregate: with the default 4 MB it spilled to disk
            // (external merge, ~6 MB per stratum: EXPLAIN in DrawDatabaseBenchmark). Only for this transaction.
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET LOCAL work_mem = '64MB'");
            }
            long t0 = System.nanoTime();
            // One statement freezes the pools and finds the exclusions: one pass over the scope, one snapshot.
            String[] exclusionRows = new String[1];
            List<FrozenStratum> pools = strata(c, scope, exclusionRows);
            long t1 = System.nanoTime();
            List<Exclusion> exclusions = parseExclusions(exclusionRows[0]);
            java.util.Map<String, Long> excludedByStratum = new java.util.HashMap<>();
            exclusions.forEach(e -> excludedByStratum.merge(e.stratum(), 1L, Long::sum));
            List<FrozenStratum> strata = new ArrayList<>();
            for (FrozenStratum f : pools) {
                strata.add(new FrozenStratum(f.stratum(), f.poolCount(), f.poolSha256(),
                        excludedByStratum.getOrDefault(f.stratum().name(), 0L)));
            }
            long t2 = System.nanoTime();
            freezeInspectors(c, scope);
            freezeConflicts(c, scope);
            org.jboss.logging.Logger.getLogger(PoolFreezer.class).infof(
                    "draw %s frozen: pools and exclusions %d ms (one statement), exclusions read %d ms, inspectors"
                            + " and conflicts %d ms", scope.drawId(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000);
            // Read back exactly what was stored: the announced hashes must be those of the stored rows.
            return new Frozen(strata, exclusions, frozen.inspectors(scope.drawId()), frozen.conflicts(scope.drawId()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot freeze the pools of draw " + scope.drawId(), e);
        }
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
     * One statement for all strata and the exclusions: the scope is read once (a class stratum's members are spread
     * over the whole heap, so one statement per stratum read every page five times), and each stratum's ordered
     * aggregate, restricted to its class by {@code FILTER}, sorts only its own members (grouping by class instead
     * sorted the whole scope at once and was measured slower). Per stratum the same members, order and hash as one
     * statement each.
     *
     * <p>The exclusions come from the same pass: the year's prior selections sharing a department, grouped by USCC,
     * are joined to the scope's rows (a merge join in USCC order, which keeps the aggregates' input sorted), and the
     * excluded members, the first applicable reason winning (drawn by another draw of an overlapping period with a
     * department in common — 名单比对 —, the yearly cap, class A not twice a year), become lines in COPY's text format,
     * stored by the same statement as the draw's draw_exclusion_list and returned in {@code exclusionRows[0]} (null
     * when none) for the announcement. A second statement over the scope (a parallel
     * hash join, each of its processes hashing the prior selections) used to run beside this one on another
     * connection and competed with it for the cores; in one statement both are read from one snapshot.
     */
    private List<FrozenStratum> strata(Connection c, Scope scope, String[] exclusionRows) throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(scope.periodTo()));
        params.add(Date.valueOf(scope.periodFrom()));
        params.add(scope.year());
        params.add(scope.departments().toArray(String[]::new));
        String where = scopeWhere(scope.subjects(), params);
        params.add(scope.drawId());
        params.add(scope.drawId());
        StringBuilder aggregates = new StringBuilder();
        StringBuilder values = new StringBuilder();
        int i = 0;
        for (Stratum stratum : Stratum.values()) {
            String filter = stratum.isRiskClass() ? "s.risk_class = '" + stratum.name() + "'" : "s.risk_class IS NULL";
            aggregates.append("""
                    count(*) FILTER (WHERE %1$s)::int AS n%2$d,
                    coalesce(convert_to(string_agg(s.uscc, E'\\n' ORDER BY s.uscc) FILTER (WHERE %1$s) || E'\\n',
                        'UTF8'), ''::bytea) AS m%2$d,
                    """.formatted(filter, i));
            values.append(i == 0 ? "" : ", ").append("('%s', p.n%d, p.m%d)".formatted(stratum.name(), i, i));
            i++;
        }
        // Literals, not parameters, as each appears more than once: the cap (an int), class A not twice (a boolean).
        String cap = Integer.toString(scope.maxPerYear() == null ? Integer.MAX_VALUE : scope.maxPerYear());
        String classA = Boolean.toString(scope.classANotTwice());
        String excluded = "h.uscc IS NOT NULL AND (h.same_period IS NOT NULL OR h.this_year >= %s OR (s.risk_class = 'A'"
                .formatted(cap) + " AND " + classA + "))";
        String sql = """
                WITH p AS (
                    SELECT %1$s
                           string_agg(coalesce(s.risk_class, 'UNCLASSIFIED') || E'\\t'
                                   || replace(replace(replace(replace(s.uscc, E'\\\\', E'\\\\\\\\'), E'\\t', E'\\\\t'),
                                              E'\\n', E'\\\\n'), E'\\r', E'\\\\r') || E'\\t'
                                   || CASE WHEN h.same_period IS NOT NULL THEN 'DRAWN_BY_OTHER_TASK'
                                           WHEN h.this_year >= %3$s THEN 'YEARLY_CAP'
                                           ELSE 'CLASS_A_TWICE_A_YEAR' END || E'\\t'
                                   || CASE WHEN h.same_period IS NOT NULL THEN 'draw ' || h.same_period
                                           WHEN h.this_year >= %3$s THEN h.this_year || ' draws this year, cap %3$s'
                                           ELSE 'class A, drawn this year by draw ' || h.any_draw END || E'\\n',
                                   '' ORDER BY s.uscc)
                               FILTER (WHERE %5$s) AS x,
                           count(*) FILTER (WHERE %5$s) AS xn
                    FROM roster_subject s
                    LEFT JOIN (SELECT d.uscc,
                                      min(d.draw_id::text) FILTER (WHERE d.period_from <= ? AND d.period_to >= ?)
                                          AS same_period,
                                      count(*) AS this_year, min(d.draw_id::text) AS any_draw
                               FROM draw_selection d
                               WHERE d.year = ? AND d.departments && ?
                               GROUP BY d.uscc) h ON h.uscc = s.uscc
                    WHERE %2$s),
                strata AS (
                    INSERT INTO draw_stratum (draw_id, stratum, pool_count, pool_sha256, members)
                    SELECT ?, v.stratum, v.n, encode(sha256(v.m), 'hex'), v.m
                    FROM p CROSS JOIN LATERAL (VALUES %6$s) v (stratum, n, m)
                    RETURNING stratum, pool_count, pool_sha256),
                excluded AS (
                    INSERT INTO draw_exclusion_list (draw_id, count, lines)
                    SELECT ?, p.xn, p.x FROM p WHERE p.xn > 0)
                SELECT stratum, pool_count, pool_sha256, NULL::text FROM strata
                UNION ALL SELECT NULL, NULL, NULL, x FROM p""".formatted(aggregates, where, cap, classA, excluded,
                values);
        java.util.Map<String, FrozenStratum> frozenStrata = new java.util.HashMap<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name == null) {
                    exclusionRows[0] = rs.getString(4);
                    continue;
                }
                Stratum stratum = Stratum.valueOf(name);
                frozenStrata.put(stratum.name(), new FrozenStratum(stratum, rs.getLong(2), rs.getString(3), 0L));
            }
        }
        List<FrozenStratum> out = new ArrayList<>();
        for (Stratum stratum : Stratum.values()) {
            out.add(java.util.Objects.requireNonNull(frozenStrata.get(stratum.name()), stratum.name()));
        }
        return out;
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
