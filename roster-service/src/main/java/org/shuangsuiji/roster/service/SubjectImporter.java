package org.shuangsuiji.roster.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.roster.config.RosterConfig;
import org.shuangsuiji.roster.importing.RowErrors;
import org.shuangsuiji.roster.importing.SubjectRow;

/**
 * Stores one chunk of validated subject rows in the caller's transaction, set-based: COPY into a temporary stage
 * table, then one upsert that only touches rows whose data differ (so a re-import changes nothing and announces
 * nothing), additive directories, item families and tags, history rows, and {@code roster.subjects.imported} events
 * with the full new state of every created or changed subject (at most {@link #EVENT_BATCH} per event, keyed by the
 * job id). A USCC already seen earlier in the same file is a row error (the first occurrence wins), tracked in a
 * per-job table so memory stays flat.
 */
@ApplicationScoped
public class SubjectImporter {

    public static final String IMPORTED = "roster.subjects.imported";
    public static final int EVENT_BATCH = 500;
    private static final char SEP = '\u001f';

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final RosterConfig config;

    public SubjectImporter(AgroalDataSource dataSource, Outbox outbox, RosterConfig config) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.config = config;
    }

    public record ChunkResult(long created, long changed, long unchanged, List<RowErrors.Error> errors) {}

    static String seenTable(UUID jobId) {
        return "import_seen_" + jobId.toString().replace("-", "");
    }

    /** Run once per job before the first chunk (own transaction). */
    public void prepare(UUID jobId) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE UNLOGGED TABLE IF NOT EXISTS " + seenTable(jobId)
                    + " (uscc TEXT COLLATE \"C\" PRIMARY KEY, row_number BIGINT NOT NULL)");
        }
    }

    public void cleanUp(UUID jobId) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + seenTable(jobId));
        }
    }

    /**
     * Seconds spent per phase, summed over a job's chunks (and so over parallel store workers), for the job's log line:
     * stage (COPY), duplicates (on the reader thread), upsert (with lists and history), tags, events. One instance per chunk; {@link #add} sums them for the job from any thread.
     */
    public static final class Timings {
        final long[] nanos = new long[5];
        long last = System.nanoTime();

        public synchronized void add(Timings chunk) {
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] += chunk.nanos[i];
            }
        }

        void lap(int phase) {
            long now = System.nanoTime();
            nanos[phase] += now - last;
            last = now;
        }

        @Override
        public synchronized String toString() {
            return String.format("stage %.1f s, duplicates %.1f s, upsert %.1f s, tags %.1f s, events %.1f s",
                    nanos[0] / 1e9, nanos[1] / 1e9, nanos[2] / 1e9, nanos[3] / 1e9, nanos[4] / 1e9);
        }
    }

    /**
     * A chunk of validated rows without the USCCs seen earlier in the file, sorted by USCC (B-tree locality) and
     * encoded as COPY text, with the duplicates' row errors.
     */
    public record Staged(int rows, String copy, List<RowErrors.Error> duplicates, long dedupNanos) {}

    /**
     * Keeps the first occurrence of every USCC in the file: a USCC already kept by an earlier row (of this chunk or of
     * an earlier one) makes the row an error. The import calls it chunk after chunk in file order (store workers take
     * turns), outside the chunk's transaction: the first occurrences are committed at once (autocommit) into the
     * job's {@code import_seen_<job>} table, so the decision does not depend on which store worker commits first;
     * memory stays flat however long the file is.
     */
    public Staged stage(UUID jobId, List<SubjectRow> rows) throws SQLException {
        long start = System.nanoTime();
        List<RowErrors.Error> duplicates = new ArrayList<>();
        if (rows.isEmpty()) {
            return new Staged(0, "", duplicates, 0);
        }
        Map<String, Long> firstInChunk = new HashMap<>(rows.size() * 2);
        List<SubjectRow> kept = new ArrayList<>(rows.size());
        List<SubjectRow> later = new ArrayList<>();
        for (SubjectRow r : rows) { // rows come in file order
            if (firstInChunk.putIfAbsent(r.uscc(), r.row()) == null) {
                kept.add(r);
            } else {
                later.add(r);
            }
        }
        kept.sort(Comparator.comparing(SubjectRow::uscc)); // index locality in the seen table, and COPY order
        String[] usccs = new String[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            usccs[i] = kept.get(i).uscc();
        }
        Map<String, Long> firstInFile = firstInChunk; // from here on also the rows first seen in earlier chunks
        List<SubjectRow> stored = new ArrayList<>(kept.size());
        try (Connection c = dataSource.getConnection()) {
            // committed before the next chunk's turn, whatever the pool's default: later chunks must see these rows
            c.setAutoCommit(true);
            // Chunks take their turns one after the other, so a lookup then a COPY of the rest is safe (the key would
            // refuse a USCC twice anyway), and cheaper than an INSERT … ON CONFLICT of every row
            Set<String> earlier = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT uscc, row_number FROM " + seenTable(jobId) + " WHERE uscc = ANY (?::text[])")) {
                ps.setArray(1, c.createArrayOf("text", usccs));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        earlier.add(rs.getString(1));
                        firstInFile.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            StringBuilder seen = new StringBuilder(kept.size() * 28);
            for (SubjectRow r : kept) {
                if (earlier.contains(r.uscc())) {
                    later.add(r);
                } else {
                    stored.add(r);
                    // a validated USCC is 18 letters and digits: nothing to escape in COPY's text format
                    seen.append(r.uscc()).append('\t').append(r.row()).append('\n');
                }
            }
            if (!stored.isEmpty()) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY " + seenTable(jobId) + " (uscc, row_number) FROM STDIN", new StringReader(seen.toString()));
            }
        } catch (IOException e) {
            throw new SQLException("cannot record the chunk's USCCs", e);
        }
        for (SubjectRow r : later) {
            long first = firstInFile.get(r.uscc());
            duplicates.add(new RowErrors.Error(r.row(), "uscc", r.uscc() + " appears more than once in the file"
                    + (first > 0 && first != r.row() ? " (first at row " + first + ")" : "")));
        }
        duplicates.sort(Comparator.comparingLong(RowErrors.Error::row));
        return new Staged(stored.size(), encode(stored), duplicates, System.nanoTime() - start);
    }

    /** COPY text of rows sorted by USCC. */
    private static String encode(List<SubjectRow> sorted) {
        StringBuilder copy = new StringBuilder(sorted.size() * 200);
        for (SubjectRow r : sorted) {
            copy.append(r.row()).append('\t');
            cell(copy, r.uscc()).append('\t');
            cell(copy, r.name()).append('\t');
            cell(copy, r.kind()).append('\t');
            cell(copy, r.industryCode()).append('\t');
            cell(copy, r.divisionCode()).append('\t');
            cell(copy, r.address()).append('\t');
            cell(copy, r.status()).append('\t');
            cell(copy, String.join(String.valueOf(SEP), r.departments())).append('\t');
            cell(copy, r.itemFamilies().isEmpty() ? null : String.join(String.valueOf(SEP), r.itemFamilies())).append('\t');
            cell(copy, r.riskClass()).append('\t');
            cell(copy, r.riskAsOf() == null ? null : r.riskAsOf().toString()).append('\t');
            cell(copy, r.riskSource()).append('\t');
            cell(copy, r.tags().isEmpty() ? null : String.join(String.valueOf(SEP), r.tags())).append('\n');
        }
        return copy.toString();
    }

    /** Must run inside a JTA transaction: the outbox writes join it. */
    public ChunkResult store(UUID jobId, Staged rows, String user, Timings timings) throws SQLException, IOException {
        timings.last = System.nanoTime();
        List<RowErrors.Error> errors = new ArrayList<>(rows.duplicates());
        timings.nanos[1] += rows.dedupNanos();
        if (rows.rows() == 0) {
            return new ChunkResult(0, 0, 0, errors);
        }
        Timestamp at = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("""
                        CREATE TEMP TABLE IF NOT EXISTS import_subject_stage (
                            row_number BIGINT, uscc TEXT COLLATE "C", name TEXT, kind TEXT, industry_code TEXT,
                            division_code TEXT, address TEXT, status TEXT, departments TEXT, item_families TEXT,
                            risk_class TEXT, risk_as_of DATE, risk_source TEXT, tags TEXT) ON COMMIT DELETE ROWS""");
                st.execute("""
                        CREATE TEMP TABLE IF NOT EXISTS import_subject_changed (
                            uscc TEXT COLLATE "C" PRIMARY KEY, created BOOLEAN NOT NULL, bumped BOOLEAN NOT NULL)
                            ON COMMIT DELETE ROWS""");
            }
            try (Statement st = c.createStatement()) {
                // this transaction only: the events' sort of a chunk's JSON (several MB) stays in memory
                st.execute("SET LOCAL work_mem = '64MB'");
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY import_subject_stage FROM STDIN",
                    new StringReader(rows.copy()));
            try (Statement st = c.createStatement()) {
                // temporary tables get no statistics otherwise; with them the planner probes the subject index for
                // the chunk's rows instead of scanning a million subjects
                st.execute("ANALYZE import_subject_stage (uscc)");
            }
            timings.lap(0);
            long created;
            long changed;
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH up AS (
                        INSERT INTO subject AS s (uscc, name, kind, industry_code, division_code, address, status,
                                                  departments, item_families, risk_class, risk_as_of, risk_source,
                                                  created_by, created_at, updated_by, updated_at, lock_version)
                        SELECT t.uscc, t.name, t.kind, t.industry_code, t.division_code, t.address, t.status,
                               string_to_array(t.departments, E'\\x1f'),
                               COALESCE(string_to_array(t.item_families, E'\\x1f'), '{}'),
                               t.risk_class, t.risk_as_of, t.risk_source, ?, ?, ?, ?, 0
                        FROM import_subject_stage t ORDER BY t.uscc
                        ON CONFLICT (uscc) DO UPDATE SET
                            name = EXCLUDED.name, kind = EXCLUDED.kind, industry_code = EXCLUDED.industry_code,
                            division_code = EXCLUDED.division_code, address = EXCLUDED.address, status = EXCLUDED.status,
                            -- directories and item families are additive: an import never takes a subject out
                            departments = CASE WHEN s.departments @> EXCLUDED.departments THEN s.departments
                                ELSE (SELECT array_agg(DISTINCT x COLLATE "C" ORDER BY x COLLATE "C")
                                      FROM unnest(s.departments || EXCLUDED.departments) x) END,
                            item_families = CASE WHEN s.item_families @> EXCLUDED.item_families THEN s.item_families
                                ELSE (SELECT array_agg(DISTINCT x COLLATE "C" ORDER BY x COLLATE "C")
                                      FROM unnest(s.item_families || EXCLUDED.item_families) x) END,
                            risk_class = CASE WHEN EXCLUDED.risk_class IS NULL OR EXCLUDED.risk_as_of < s.risk_as_of
                                              THEN s.risk_class ELSE EXCLUDED.risk_class END,
                            risk_as_of = CASE WHEN EXCLUDED.risk_class IS NULL OR EXCLUDED.risk_as_of < s.risk_as_of
                                              THEN s.risk_as_of ELSE EXCLUDED.risk_as_of END,
                            risk_source = CASE WHEN EXCLUDED.risk_class IS NULL OR EXCLUDED.risk_as_of < s.risk_as_of
                                               THEN s.risk_source ELSE EXCLUDED.risk_source END,
                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at,
                            lock_version = s.lock_version + 1
                        WHERE (s.name, s.kind, s.industry_code, s.division_code, s.address, s.status)
                              IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.industry_code,
                                                EXCLUDED.division_code, EXCLUDED.address, EXCLUDED.status)
                           OR NOT s.departments @> EXCLUDED.departments
                           OR NOT s.item_families @> EXCLUDED.item_families
                           OR (EXCLUDED.risk_class IS NOT NULL
                               AND (s.risk_as_of IS NULL OR EXCLUDED.risk_as_of >= s.risk_as_of)
                               AND (s.risk_class, s.risk_as_of, s.risk_source)
                                   IS DISTINCT FROM (EXCLUDED.risk_class, EXCLUDED.risk_as_of, EXCLUDED.risk_source))
                        RETURNING s.uscc, (s.xmax = 0) AS created, s.status, s.departments, s.risk_class,
                                  s.risk_as_of, s.risk_source
                    ), old AS (
                        -- every part of the statement reads the table as it was before it, so this is the state the
                        -- upsert replaced. Only updated subjects had one: a created subject costs no lookup, and
                        -- rows that change nothing are not returned at all. One index probe each (OFFSET 0 keeps it a
                        -- lookup: a hash join would read every subject in the table for each chunk).
                        SELECT o.* FROM up, LATERAL (
                            SELECT s.uscc, s.status, s.departments, s.risk_class, s.risk_as_of, s.risk_source
                            FROM subject s WHERE s.uscc = up.uscc OFFSET 0) o
                        WHERE NOT up.created
                    ), history AS (
                        -- one row per subject whose status, directories or class this import changed
                        INSERT INTO subject_history (uscc, status, departments, risk_class, risk_as_of, risk_source,
                                                     risk_recorded, changed_by, changed_at, import_job_id)
                        SELECT h.uscc, h.status, h.departments, h.risk_class, h.risk_as_of, h.risk_source,
                               h.risk_recorded, ?, ?, ?
                        FROM (SELECT up.*, up.risk_class IS NOT NULL
                                  AND (old.uscc IS NULL OR (old.risk_class, old.risk_as_of, old.risk_source)
                                       IS DISTINCT FROM (up.risk_class, up.risk_as_of, up.risk_source)) AS risk_recorded,
                                  old.uscc IS NULL OR old.status <> up.status
                                      OR old.departments <> up.departments AS moved
                              FROM up LEFT JOIN old ON old.uscc = up.uscc) h
                        WHERE h.moved OR h.risk_recorded
                        ORDER BY h.uscc
                    )
                    INSERT INTO import_subject_changed (uscc, created, bumped)
                    SELECT uscc, created, true FROM up""")) {
                int i = 1;
                ps.setString(i++, user);
                ps.setTimestamp(i++, at);
                ps.setString(i++, user);
                ps.setTimestamp(i++, at);
                ps.setString(i++, user);
                ps.setTimestamp(i++, at);
                ps.setObject(i++, jobId);
                ps.executeUpdate();
            }
            timings.lap(2);
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM import_subject_changed WHERE created")) {
                rs.next();
                created = rs.getLong(1);
            }
            // Tags are additive too; a subject that only gains a tag still gets a new revision.
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH tagged AS (
                        INSERT INTO subject_tag (uscc, code, set_by, set_at)
                        SELECT t.uscc, g, ?, ? FROM import_subject_stage t, unnest(string_to_array(t.tags, E'\\x1f')) g
                        WHERE t.tags IS NOT NULL ORDER BY 1, 2
                        ON CONFLICT DO NOTHING RETURNING uscc
                    )
                    INSERT INTO import_subject_changed (uscc, created, bumped)
                    SELECT DISTINCT uscc, false, false FROM tagged
                    ON CONFLICT (uscc) DO NOTHING""")) {
                ps.setString(1, user);
                ps.setTimestamp(2, at);
                ps.executeUpdate();
            }
            // A chunk of new subjects only (a first import) has no existing subject that could gain a tag.
            if (created < rows.rows()) {
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE import_subject_changed (uscc)"); // as for the stage: index probes, not a scan of subject
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE subject s SET lock_version = s.lock_version + 1, updated_by = ?, updated_at = ?
                        FROM import_subject_changed c WHERE c.uscc = s.uscc AND NOT c.bumped""")) {
                    ps.setString(1, user);
                    ps.setTimestamp(2, at);
                    ps.executeUpdate();
                }
            }
            try (Statement st = c.createStatement();
                    // tags of existing subjects add rows that are never "created": the count above stands
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM import_subject_changed WHERE NOT created")) {
                rs.next();
                changed = rs.getLong(1);
            }
            timings.lap(3);
            if (created + changed > 0) {
                announce(jobId, user, at);
            }
            timings.lap(4);
            return new ChunkResult(created, changed, rows.rows() - created - changed, errors);
        }
    }

    /**
     * The full new state of every created or changed subject, in events of at most EVENT_BATCH subjects sorted by
     * USCC. PostgreSQL writes the JSON text exactly as {@link SubjectState} is written by the API (same fields, lists
     * sorted the same way, times as ISO-8601 UTC), straight into the outbox. A subject created by this chunk is
     * exactly its stage row (lists already sorted and distinct), the chunk's user and time everywhere and revision 0,
     * so it is written from the stage without reading the subject back; only changed ones look theirs up.
     * {@code row_to_json} over named columns costs half of a 16-pair {@code json_build_object}.
     */
    private void announce(UUID jobId, String user, Timestamp at) {
        outbox.publishQuery(config.eventsTopic(), IMPORTED, SubjectState.SCHEMA_VERSION, """
                WITH chunk AS MATERIALIZED (SELECT %2$s AS at) -- formatted once, not per subject
                SELECT ?::text AS aggregate_id,
                       json_build_object('jobId', ?::text, 'subjects', json_agg(x.state ORDER BY x.uscc)) AS data
                FROM (SELECT u.uscc, (row_number() OVER (ORDER BY u.uscc) - 1) / %1$d AS batch, u.state FROM (
                      SELECT t.uscc, row_to_json(st) AS state
                      FROM chunk CROSS JOIN import_subject_changed ch JOIN import_subject_stage t ON t.uscc = ch.uscc
                      CROSS JOIN LATERAL (SELECT t.uscc AS uscc, t.name AS name, t.kind AS kind,
                          t.industry_code AS "industryCode", t.division_code AS "divisionCode", t.address AS address,
                          t.status AS status,
                          to_json(string_to_array(t.departments, E'\\x1f')) AS departments,
                          to_json(COALESCE(string_to_array(t.item_families, E'\\x1f'), '{}')) AS "itemFamilies",
                          CASE WHEN t.risk_class IS NOT NULL THEN json_build_object('riskClass', t.risk_class,
                              'asOf', to_char(t.risk_as_of, 'YYYY-MM-DD'), 'source', t.risk_source) END AS risk,
                          (SELECT COALESCE(json_agg(json_build_object('code', g, 'setBy', ?::text,
                                                                      'setAt', chunk.at) ORDER BY n), '[]')
                           FROM unnest(string_to_array(t.tags, E'\\x1f')) WITH ORDINALITY u (g, n)) AS tags,
                          ?::text AS "createdBy", chunk.at AS "createdAt", ?::text AS "updatedBy",
                          chunk.at AS "updatedAt", 0 AS revision) st
                      WHERE ch.created
                      UNION ALL
                      SELECT s.uscc, row_to_json(st) AS state
                      -- one index probe per changed subject (OFFSET 0 keeps it a lookup): at a million subjects
                      -- the planner hash-joined a scan of the whole table, 0.7 s per chunk
                      FROM import_subject_changed ch
                      CROSS JOIN LATERAL (SELECT * FROM subject o WHERE o.uscc = ch.uscc OFFSET 0) s
                      CROSS JOIN LATERAL (SELECT s.uscc AS uscc, s.name AS name, s.kind AS kind,
                          s.industry_code AS "industryCode", s.division_code AS "divisionCode", s.address AS address,
                          s.status AS status,
                          to_json(s.departments) AS departments, to_json(s.item_families) AS "itemFamilies",
                          CASE WHEN s.risk_class IS NOT NULL THEN json_build_object('riskClass', s.risk_class,
                              'asOf', to_char(s.risk_as_of, 'YYYY-MM-DD'), 'source', s.risk_source) END AS risk,
                          (SELECT COALESCE(json_agg(json_build_object('code', g.code, 'setBy', g.set_by,
                                                                      'setAt', %3$s) ORDER BY g.code COLLATE "C"), '[]')
                           FROM subject_tag g WHERE g.uscc = s.uscc) AS tags,
                          s.created_by AS "createdBy", %4$s AS "createdAt",
                          s.updated_by AS "updatedBy", %5$s AS "updatedAt",
                          s.lock_version AS revision) st
                      WHERE NOT ch.created) u) x
                GROUP BY x.batch ORDER BY x.batch""".formatted(EVENT_BATCH, jsonTime("?::timestamptz"),
                jsonTime("g.set_at"), jsonTime("s.created_at"), jsonTime("s.updated_at")),
                at, jobId.toString(), jobId.toString(), user, user, user);
    }

    /**
     * SQL for a timestamptz as Jackson writes an {@link OffsetDateTime} in UTC (ISO-8601, 'Z', the fraction without
     * trailing zeros and left out when zero), so consumers see the same text from both paths.
     */
    static String jsonTime(String column) {
        return "rtrim(rtrim(to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '0'), '.') || 'Z'";
    }

    /** COPY text format: \N for null; the rows hold no control characters (validated), only backslashes to escape. */
    private static StringBuilder cell(StringBuilder sb, String v) {
        if (v == null) {
            return sb.append("\\N");
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\\') {
                sb.append("\\\\");
            } else if (ch == SEP) {
                sb.append("\\x1F"); // COPY text escape for the list separator (rows never hold it themselves)
            } else {
                sb.append(ch);
            }
        }
        return sb;
    }

}
