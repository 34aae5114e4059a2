package org.shuangsuiji.draw.dbbench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.commons.testing.Tokens;

/**
 * Database benchmark, not a unit test (skipped unless {@code -Dbench.draw=true}): a draw over 1 000 000 subjects in 4
 * strata with 50 000 exclusions, frozen, computed and recorded through the real REST API on the embedded PostgreSQL,
 * side by side with a plain {@code ORDER BY random() LIMIT n} per stratum on the same database.
 *
 * <pre>./mvnw -B -o install -pl draw-service -Dtest=DrawDatabaseBenchmark -Dbench.draw=true -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.jacoco.enabled=false</pre>
 *
 * {@code -Dquarkus.jacoco.enabled=false} leaves the service uninstrumented for this run only (the normal test run keeps
 * coverage).
 */
@QuarkusTest
@PlatformTest
@EnabledIfSystemProperty(named = "bench.draw", matches = "true")
class DrawDatabaseBenchmark {

    private static final int SUBJECTS = Integer.getInteger("bench.subjects", 1_000_000);
    private static final int EXCLUSIONS = Integer.getInteger("bench.exclusions", 50_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String[] CLASSES = {"A", "B", "C", "D"};
    private static final String[] RATIOS = {"0.01", "0.02", "0.03", "0.05"};
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/")
    URI base;

    // The JDK's client, not REST Assured: in this JVM, REST Assured's Groovy (JSON lexing, path expressions, generated
    // classes) kept the JIT compiler busy during the draws it timed, up to 0.5 CPU-s of C2 in a round (JFR).
    private final HttpClient http = HttpClient.newHttpClient();

    private final String department = "BENCH-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);

    @Test
    void drawOverAMillionSubjectsAgainstOrderByRandom() throws Exception {
        long t0 = System.nanoTime();
        load();
        System.out.printf("BENCH loaded %d subjects, 200 inspectors in %.1f s%n", SUBJECTS, secs(t0));
        int year = LocalDate.now().getYear();
        String planner = Tokens.bearer(Tokens.of("planner-bench", Set.of(Roles.PLANNER), department, "140522"));
        String head = Tokens.bearer(Tokens.of("head-bench", Set.of(Roles.DEPARTMENT_HEAD), department, "140522"));
        String witness = Tokens.bearer(Tokens.of("witness-bench", Set.of(Roles.WITNESS), "YC-JJZ", "140522"));
        List<String> lines = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int y = year + round;
            priorDraw(y);
            String task = publishedTask(planner, head, y);
            boolean baselineFirst = round % 2 == 1;
            awaitOutboxSent("before the " + (baselineFirst ? "plain query" : "draw"));
            double baseline = baselineFirst ? baseline(y) : 0;
            if (baselineFirst) {
                awaitOutboxSent("before the draw");
            }

            long a = System.nanoTime();
            java.util.Map<String, Long> threads0 = threadTicks();
            double[] cpu0 = cpu();
            String draw = field(post("/tasks/" + task + "/draws", planner,
                    "{\"entropySources\":[{\"name\":\"lottery\",\"kind\":\"LOTTERY_DRAW\",\"description\":\"bench\"}]}",
                    201), "id");
            double announce = secs(a);
            double[] cpuA = cpu();
            System.out.printf("BENCH announce alone, CPU: service JVM %.2f s, PostgreSQL %.2f s%n", cpuA[0] - cpu0[0], cpuA[1] - cpu0[1]);
            post("/draws/" + draw + "/entropy", witness, "{\"name\":\"lottery\",\"value\":\"" + round + " 4 7\"}", 200);
            long c = System.nanoTime();
            int selected = Integer.parseInt(field(post("/draws/" + draw + "/compute", planner, null, 200), "selected"));
            double compute = secs(c);
            double[] cpu1 = cpu();
            System.out.println("BENCH JVM CPU by thread group during the draw (s): " + ticksSince(threads0));
            if (!baselineFirst) {
                awaitOutboxSent("before the plain query");
                baseline = baseline(y);
            }
            long excluded = count("SELECT coalesce(sum(count), 0) FROM draw_exclusion_list WHERE draw_id = ?::uuid", draw);
            long recordBytes = count("""
                    SELECT coalesce(octet_length(r.record), octet_length(r.record_after_announcement) + 16
                        + (SELECT octet_length(d.announcement) FROM draw d WHERE d.id = r.draw_id))
                    FROM draw_result r WHERE r.draw_id = ?::uuid""", draw);
            String line = String.format(Locale.ROOT,
                    "round %d: announce (freeze) %.2f s + compute (rank, teams, record, events) %.2f s = %.2f s;"
                            + " ORDER BY random() LIMIT n per stratum %.2f s; ratio %.2f; %d excluded, %d selected,"
                            + " record %d bytes; CPU during the draw: service JVM %.2f s, PostgreSQL %.2f s; ORDER BY random() PostgreSQL CPU %.2f s; load %s",
                    round + 1, announce, compute, announce + compute, baseline, (announce + compute) / baseline,
                    excluded, selected, recordBytes, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1], baselineCpu, loadAverage());
            System.out.println("BENCH " + line);
            lines.add(line);
        }
        System.out.println("BENCH summary (" + SUBJECTS + " subjects, " + EXCLUSIONS + " prior selections):");
        lines.forEach(l -> System.out.println("BENCH   " + l));
        // How PostgreSQL reads the year's prior selections for the exclusions (the freezer's statement), for the last
        // round's year.
        explain("prior selections", """
                EXPLAIN (ANALYZE, BUFFERS)
                SELECT d.uscc, min(d.draw_id::text) FILTER (WHERE t.period_from <= ? AND t.period_to >= ?),
                       count(*)::int, min(d.draw_id::text)
                FROM draw_selection d JOIN draw_selection_terms t ON t.draw_id = d.draw_id
                WHERE d.year = ? AND t.departments && ?
                GROUP BY d.uscc ORDER BY d.uscc""", year + ROUNDS - 1);
        // How PostgreSQL reads all strata in one statement: the freezer's, over the whole scope instead of its ranges.
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("SET work_mem = '64MB'");
            StringBuilder aggregates = new StringBuilder();
            for (String k : List.of("= 'A'", "= 'B'", "= 'C'", "= 'D'")) {
                aggregates.append("string_agg(s.uscc, E'\\n' ORDER BY s.uscc) FILTER (WHERE s.risk_class ").append(k)
                        .append("), ");
            }
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) SELECT " + aggregates
                    + "string_agg(s.uscc, E'\\n' ORDER BY s.uscc) FILTER (WHERE s.risk_class IS NULL) FROM roster_subject s"
                    + " WHERE s.status = 'ACTIVE' AND s.departments @> ARRAY[?]::text[]")) {
                ps.setString(1, department);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("BENCH plan (all strata) " + rs.getString(1));
                    }
                }
            } finally {
                st.execute("RESET work_mem");
            }
        }
        // How PostgreSQL reads one class stratum (the freezer's aggregate, without the INSERT), for docs/performance.md:
        // with the default work_mem and with the freezer's.
        for (String workMem : List.of("4MB", "64MB")) {
            try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
                st.execute("SET work_mem = '" + workMem + "'");
                try (PreparedStatement ps = c.prepareStatement("""
                        EXPLAIN (ANALYZE, BUFFERS) SELECT count(*), sha256(convert_to(string_agg(s.uscc, E'\\n'
                            ORDER BY s.uscc) || E'\\n', 'UTF8')) FROM roster_subject s
                        WHERE s.status = 'ACTIVE' AND s.departments @> ARRAY[?]::text[] AND s.risk_class = 'A'""")) {
                    ps.setString(1, department);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            System.out.println("BENCH plan (work_mem " + workMem + ") " + rs.getString(1));
                        }
                    }
                } finally {
                    st.execute("RESET work_mem");
                }
            }
        }
    }

    private void explain(String what, String sql, int year) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("SET work_mem = '64MB'");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, LocalDate.of(year, 12, 31));
                ps.setObject(2, LocalDate.of(year, 1, 1));
                ps.setInt(3, year);
                ps.setArray(4, c.createArrayOf("text", new String[] {department}));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("BENCH plan (" + what + ") " + rs.getString(1));
                    }
                }
            } finally {
                st.execute("RESET work_mem");
            }
        }
    }

    /**
     * CPU seconds used so far by this JVM (the service runs in it) and by the embedded PostgreSQL (postmaster, its
     * live backends and the children it reaped): wall time on a shared machine grows with the others' load, CPU time
     * hardly does.
     */
    private double[] cpu() throws Exception {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        long postmaster;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            postmaster = Long.parseLong(stat(rs.getLong(1))[3]);
        }
        long ticks = 0;
        String[] pm = stat(postmaster);
        ticks += Long.parseLong(pm[13]) + Long.parseLong(pm[14]) + Long.parseLong(pm[15]) + Long.parseLong(pm[16]);
        try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String[] f = stat(Long.parseLong(name));
                    if (Long.parseLong(f[3]) == postmaster) {
                        ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile; the postmaster's reaped-children time holds it
                }
            }
        }
        return new double[] {jvm, ticks / 100.0}; // USER_HZ is 100 on Linux
    }

    /**
     * CPU ticks of each of this JVM's threads, by name with digits dropped ("GC Thread#0" and "GC Thread#1" are one
     * group), from /proc/self/task: the JVM's own threads (GC, JIT compilers) included, which ThreadMXBean omits.
     */
    private static java.util.Map<String, Long> threadTicks() throws java.io.IOException {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) tasks::iterator) {
                try {
                    String[] f = stat(t.resolve("stat"));
                    ticks.merge(f[1].replaceAll("[0-9]+", "N"), Long.parseLong(f[13]) + Long.parseLong(f[14]),
                            Long::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }

    /** Groups that used at least 0.03 CPU-s since {@code before}, most first (threads that ended are not counted). */
    private static String ticksSince(java.util.Map<String, Long> before) throws java.io.IOException {
        java.util.Map<String, Long> now = threadTicks();
        return now.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= 3)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 100.0))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Fields of /proc/{pid}/stat, numbered from 0, field 1 the command name (which may hold spaces). */
    private static String[] stat(long pid) throws java.io.IOException {
        return stat(java.nio.file.Path.of("/proc/" + pid + "/stat"));
    }

    /** Fields of a /proc stat file (a process's or, under task/, a thread's), as {@link #stat(long)}. */
    private static String[] stat(java.nio.file.Path file) throws java.io.IOException {
        String s = java.nio.file.Files.readString(file);
        String[] rest = s.substring(s.lastIndexOf(')') + 2).split(" ");
        String[] out = new String[rest.length + 2];
        out[0] = s.substring(0, s.indexOf(' '));
        out[1] = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }

    private static String loadAverage() throws java.io.IOException {
        String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /**
     * The plain way: per stratum, the same pool minus the same exclusions, ORDER BY random() LIMIT quota, planned for
     * its own values every round as a one-off query is. The pooled connection would otherwise make it a server-side
     * prepared statement from its fifth execution, and PostgreSQL's plan cache switched to a generic plan from about
     * the tenth (round 3): a parallel one that took 1.3-1.6 s and 2-4 CPU-seconds on the 2 cores instead of 0.7-0.8 s.
     */
    private double baseline(int year) throws Exception {
        double[] cpu0 = cpu();
        long t = System.nanoTime();
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < CLASSES.length; i++) {
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT s.uscc FROM roster_subject s
                        WHERE s.status = 'ACTIVE' AND s.departments @> ARRAY[?]::text[] AND s.risk_class = ?
                          AND NOT EXISTS (SELECT 1 FROM draw_selection d WHERE d.uscc = s.uscc AND d.year = ?)
                        ORDER BY random() LIMIT ?""")) {
                    ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                    ps.setString(1, department);
                    ps.setString(2, CLASSES[i]);
                    ps.setInt(3, year);
                    ps.setInt(4, (int) Math.ceil(Double.parseDouble(RATIOS[i]) * SUBJECTS / 4.0));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                }
            }
        }
        double wall = secs(t);
        baselineCpu = cpu()[1] - cpu0[1];
        return wall;
    }

    /** PostgreSQL CPU seconds of the last {@link #baseline} run. */
    private double baselineCpu;

    private String publishedTask(String planner, String head, int year) throws Exception {
        String plan = field(post("/plans", planner, "{\"year\":" + year + ",\"title\":\"bench " + year + "\"}", 201), "id");
        String from = year + "-01-01";
        String task = field(post("/plans/" + plan + "/tasks", planner, """
                {"name":"bench","drawLevel":"COUNTY_COUNTY","items":["%s-001@1"],"periodFrom":"%s","periodTo":"%d-12-31",
                 "ratios":{"A":"%s","B":"%s","C":"%s","D":"%s"},"minimumCount":3,"teamSize":2}"""
                .formatted(department, from, year, RATIOS[0], RATIOS[1], RATIOS[2], RATIOS[3]), 201), "id");
        post("/plans/" + plan + "/file", head, "{\"filedWith\":\"bench\"}", 200);
        post("/plans/" + plan + "/publish", head, "{}", 200);
        return task;
    }

    /** Subjects, an item and inspectors straight into the read models (COPY): what a million events would leave. */
    private void load() throws Exception {
        try (Connection c = db.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            int chunk = 100_000;
            for (int start = 0; start < SUBJECTS; start += chunk) {
                StringBuilder b = new StringBuilder(chunk * 90);
                for (int i = start; i < Math.min(SUBJECTS, start + chunk); i++) {
                    b.append(uscc(i)).append("\t阳城县基准企业").append(i).append("\tENTERPRISE\tF5111\t140522\tACTIVE\t")
                            .append(CLASSES[i % 4]).append("\t{").append(department).append("}\t{粮食流通}\t{}\t0\n");
                }
                copy.copyIn("COPY roster_subject (uscc, name, kind, industry_code, division_code, status, risk_class,"
                        + " departments, item_families, tags, revision) FROM STDIN", new StringReader(b.toString()));
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO catalog_item (code, version, name, department, status, data) VALUES ('"
                        + department + "-001', 1, 'bench', '" + department + "', 'PUBLISHED', '{}')");
                s.executeUpdate("""
                        INSERT INTO roster_inspector (id, department, name, kind, certificate_valid_from,
                            certificate_valid_to, yearly_workload_cap, expertise, revision)
                        SELECT gen_random_uuid(), '%s', 'officer ' || g, 'OFFICER', DATE '2020-01-01', DATE '2040-12-31',
                               100000, '{}', 0 FROM generate_series(1, 200) g""".formatted(department));
                // Vacuumed as a long-lived read model is: a freshly copied table costs the first statement to read
                // it the hint bits of a million rows, and the insert-triggered autovacuum ran into later rounds.
                s.execute("VACUUM (ANALYZE) roster_subject");
            }
        }
    }

    /** A prior draw of the same year and department whose 50 000 selections the next draw must exclude (名单比对). */
    private void priorDraw(int year) throws Exception {
        UUID plan = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        UUID draw = UUID.randomUUID();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO plan (id, department, year, title, joint, status, revision, created_by, created_at)
                    VALUES ('%s', '%s', %d, 'prior', false, 'PUBLISHED', 1, 'bench', now())""".formatted(plan, department, year));
            s.executeUpdate("""
                    INSERT INTO task (id, plan_id, seq, name, joint, lead_department, draw_level, items, scope, ratio_a,
                        ratio_b, ratio_c, ratio_d, ratio_source, minimum_count, period_from, period_to, batches,
                        team_size, created_by, created_at, updated_by, updated_at)
                    VALUES ('%s', '%s', 1, 'prior', false, '%s', 'COUNTY_COUNTY', '[]', '{}', 0.1, 0.1, 0.1, 0.1, 'TASK', 3,
                        DATE '%d-01-01', DATE '%d-12-31', 1, 2, 'bench', now(), 'bench', now())"""
                    .formatted(task, plan, department, year, year));
            s.executeUpdate("""
                    INSERT INTO draw (id, task_id, batch, status, algorithm, algorithm_version, inspection_from,
                        inspection_to, announcement, announcement_sha256, strata_map, announced_by, announced_at)
                    VALUES ('%s', '%s', 1, 'ANNOUNCED', 'prior', 'prior', DATE '%d-01-01', DATE '%d-01-07', '{}', 'x', '{}',
                        'bench', now())"""
                    .formatted(draw, task, year, year));
            s.executeUpdate("""
                    INSERT INTO draw_selection_terms (draw_id, task_id, year, period_from, period_to, departments)
                    VALUES ('%s', '%s', %d, DATE '%d-01-01', DATE '%d-12-31', ARRAY['%s'])"""
                    .formatted(draw, task, year, year, year, department));
            s.executeUpdate("""
                    INSERT INTO draw_selection (draw_id, uscc, stratum, rank, score, year)
                    SELECT '%s', uscc, risk_class, row_number() OVER (), '', %d
                    FROM (SELECT uscc, risk_class FROM roster_subject WHERE departments @> ARRAY['%s']
                          ORDER BY md5(uscc || '%d') LIMIT %d) x"""
                    .formatted(draw, year, department, year, EXCLUSIONS));
            s.execute("ANALYZE draw_selection");
        }
    }

    /**
     * Waits until the relay has sent every pending event. A draw leaves about 10 MB of events for the relay and the
     * broker, which run in this JVM: measured next, the plain query ran during their sending and took a median of
     * 0.72 s, against 0.62 s when it ran first (docs/performance.md, 2026-12-08), which flattered the draw's ratio.
     */
    private void awaitOutboxSent(String when) throws Exception {
        long start = System.nanoTime();
        long deadline = start + 120_000_000_000L;
        while (pendingEvents() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the outbox still had pending events after 120 s, " + when);
            }
            Thread.sleep(20);
        }
        System.out.printf(Locale.ROOT, "BENCH outbox sent %s after %.2f s%n", when, secs(start));
    }

    private long pendingEvents() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long count(String sql, String param) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Distinct 18-character codes (no check character needed by the read model) spread over the code space. */
    private static String uscc(int i) {
        StringBuilder b = new StringBuilder("91140522");
        long v = (i * 48_271L + 7) % 819_628_286_980_801L; // 31^10
        char[] body = new char[10];
        for (int k = 9; k >= 0; k--) {
            body[k] = ALPHABET.charAt((int) (v % 31));
            v /= 31;
        }
        return b.append(body).toString();
    }

    /** POSTs a JSON body (none when null) with the bearer token; the response body, when its status is the expected one. */
    private String post(String path, String authorization, String json, int expected) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization);
        if (json != null) {
            r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        } else {
            r.POST(HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** The first value of a JSON member by name (string or number), read without a JSON library. */
    static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":");
        if (at < 0) {
            throw new AssertionError("no member " + name + " in " + json);
        }
        int from = at + name.length() + 3;
        if (json.charAt(from) == '"') {
            return json.substring(from + 1, json.indexOf('"', from + 1));
        }
        int to = from;
        while (to < json.length() && (Character.isDigit(json.charAt(to)) || json.charAt(to) == '-')) {
            to++;
        }
        return json.substring(from, to);
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
