package org.shuangsuiji.draw.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.shuangsuiji.draw.algorithm.ConflictPair;
import org.shuangsuiji.draw.algorithm.InspectorCandidate;
import org.shuangsuiji.draw.algorithm.InspectorKind;
import org.shuangsuiji.draw.algorithm.PoolSource;
import org.shuangsuiji.draw.algorithm.Unavailability;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.DrawRecords;
import org.shuangsuiji.draw.algorithm.record.EntropySource;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;
import org.shuangsuiji.draw.algorithm.record.Selection;
import org.shuangsuiji.draw.algorithm.record.StratumResult;
import org.shuangsuiji.draw.algorithm.record.Substitution;
import org.shuangsuiji.draw.algorithm.record.Team;
import org.shuangsuiji.draw.algorithm.record.TeamMember;
import org.shuangsuiji.draw.domain.Draw;
import org.shuangsuiji.draw.domain.Plan;
import org.shuangsuiji.draw.domain.Task;
import org.postgresql.PGConnection;

/**
 * The append-only tables of a draw (entropy, result, selections, teams, substitutions) and the frozen inputs the
 * algorithm reads back, exactly as announced. Plain JDBC in the caller's transaction: these are bulk rows.
 */
@ApplicationScoped
public class FrozenInputs {

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public FrozenInputs(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    void insertSources(UUID drawId, List<EntropySource> sources) {
        update("INSERT INTO draw_entropy_source (draw_id, position, name, kind, description, commitment) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    for (int i = 0; i < sources.size(); i++) {
                        EntropySource s = sources.get(i);
                        ps.setObject(1, drawId);
                        ps.setInt(2, i);
                        ps.setString(3, s.name());
                        ps.setString(4, s.kind().name());
                        ps.setString(5, s.description());
                        ps.setString(6, s.commitment());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                });
    }

    void insertEntropy(UUID drawId, EntropyValue v) {
        update("INSERT INTO draw_entropy (draw_id, name, value, salt, source_reference, entered_by, entered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, drawId);
                    ps.setString(2, v.name());
                    ps.setString(3, v.value());
                    ps.setString(4, v.salt());
                    ps.setString(5, v.sourceReference());
                    ps.setString(6, v.enteredBy());
                    ps.setTimestamp(7, Timestamp.from(v.enteredAt()));
                    ps.executeUpdate();
                });
    }

    /** The entered values in the announced order of their sources. */
    List<EntropyValue> entropy(UUID drawId) {
        List<EntropyValue> out = new ArrayList<>();
        query("""
                SELECT e.name, e.value, e.salt, e.source_reference, e.entered_by, e.entered_at
                FROM draw_entropy e JOIN draw_entropy_source s ON s.draw_id = e.draw_id AND s.name = e.name
                WHERE e.draw_id = ? ORDER BY s.position""", List.of(drawId), rs -> out.add(new EntropyValue(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())));
        return out;
    }

    /**
     * Each stratum's frozen members as stored ("uscc\n" …, canonical order), the bytes the announced hash covers; the
     * algorithm names strata by their public ids, the table by class.
     */
    PoolSource.Encoded pools(UUID drawId, Map<String, org.shuangsuiji.draw.domain.Stratum> classes) {
        return stratumId -> {
            byte[] m;
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = PoolFreezer.prepare(c,
                    "SELECT members FROM draw_stratum WHERE draw_id = ? AND stratum = ?",
                    List.of(drawId, classes.get(stratumId).name()))) {
                // server-prepared from the first execution, so the bytes come in binary rather than as hex text
                // (half the transfer, no decoding)
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                try (ResultSet rs = ps.executeQuery()) {
                    m = rs.next() ? rs.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("draw tables: " + e.getMessage(), e);
            }
            if (m == null) {
                throw new IllegalStateException("draw " + drawId + " has no frozen pool " + stratumId);
            }
            return m;
        };
    }

    List<InspectorCandidate> inspectors(UUID drawId) {
        List<InspectorCandidate> out = new ArrayList<>();
        query("""
                SELECT inspector_id::text, department, kind, certificate_valid_from, certificate_valid_to, expertise,
                       unavailable::text, yearly_workload_cap, prior_assignments
                FROM draw_inspector WHERE draw_id = ?""", List.of(drawId), rs -> {
                    Date from = rs.getDate(4);
                    Date to = rs.getDate(5);
                    int cap = rs.getInt(8);
                    Integer capOrNull = rs.wasNull() ? null : cap;
                    out.add(new InspectorCandidate(rs.getString(1), rs.getString(2), InspectorKind.valueOf(rs.getString(3)),
                            from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate(),
                            CatalogReadModel.strings(rs.getArray(6)), unavailable(rs.getString(7)), capOrNull,
                            rs.getInt(9)));
                });
        return out;
    }

    List<ConflictPair> conflicts(UUID drawId) {
        List<ConflictPair> out = new ArrayList<>();
        query("SELECT inspector_id::text, uscc FROM draw_conflict WHERE draw_id = ?", List.of(drawId),
                rs -> out.add(new ConflictPair(rs.getString(1), rs.getString(2))));
        return out;
    }

    /**
     * A record's text as stored: whole, or (ADR 0019) only what follows its announcement, which the draw row holds
     * frozen; {@code sha256} is always that of the whole canonical text.
     */
    record RecordText(String whole, String afterAnnouncement, String sha256) {
        static RecordText whole(String whole, String sha256) {
            return new RecordText(whole, null, sha256);
        }

        static RecordText afterAnnouncement(String afterAnnouncement, String sha256) {
            return new RecordText(null, afterAnnouncement, sha256);
        }
    }

    void insertResult(Draw d, DrawRecord record, RecordText text, int selected, String rate) {
        int infeasible = record.infeasible().size();
        update("""
                INSERT INTO draw_result (draw_id, record, record_after_announcement, record_sha256, selected_count,
                    infeasible_count, risk_class_rate, computed_by, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                ps -> {
                    ps.setObject(1, d.id);
                    ps.setString(2, text.whole());
                    ps.setString(3, text.afterAnnouncement());
                    ps.setString(4, text.sha256());
                    ps.setInt(5, selected);
                    ps.setInt(6, infeasible);
                    ps.setBigDecimal(7, rate == null ? null : new BigDecimal(rate));
                    ps.setString(8, record.computedBy());
                    ps.setTimestamp(9, Timestamp.from(record.computedAt()));
                    ps.executeUpdate();
                });
    }

    /**
     * The selections (also the memory of 名单比对), with the terms they share stored once. Only the ranking is needed,
     * so they are stored while the teams are assigned.
     */
    void insertSelections(Draw d, Task task, Plan plan, List<StratumResult> selections) {
        update("""
                INSERT INTO draw_selection_terms (draw_id, task_id, year, period_from, period_to, departments)
                VALUES (?, ?, ?, ?, ?, ?)""", ps -> {
                    ps.setObject(1, d.id);
                    ps.setObject(2, task.id);
                    ps.setInt(3, plan.year);
                    ps.setDate(4, Date.valueOf(task.periodFrom));
                    ps.setDate(5, Date.valueOf(task.periodTo));
                    ps.setArray(6, ps.getConnection().createArrayOf("text",
                            task.participatingDepartments().toArray(String[]::new)));
                    ps.executeUpdate();
                });
        copy("COPY draw_selection (uscc, draw_id, stratum, rank, score, year) FROM STDIN",
                selectionRows(d.id, plan.year, selections));
    }

    /** Each inspector's team count of a computed record: the teams themselves are in the record. */
    void insertTeamLoads(Draw d, int year, DrawRecord record) {
        StringBuilder loads = loadRows(d.id, year, record);
        if (!loads.isEmpty()) {
            copy("COPY draw_inspector_load (draw_id, inspector_id, year, assignments) FROM STDIN", loads);
        }
    }

    /**
     * The selections as rows of COPY's text format: tens of thousands of rows as one text stream, without
     * building and parsing SQL arrays. No database access, so {@link DrawWarmUp} compiles this loop before a draw.
     */
    static StringBuilder selectionRows(UUID drawId, int year, List<StratumResult> selections) {
        // Every value is ASCII without tabs, newlines or backslashes (USCCs, hex scores, UUIDs, stratum ids).
        String fixed = "\t" + year + "\n";
        String draw = "\t" + drawId + "\t";
        // Rows in USCC order, the order of the index's keys within the year ((year, uscc, draw_id)): consecutive rows
        // go to the same or the next leaf page instead of a random one each, which halved the index upkeep of storing
        // them (docs/performance.md). The table's row order means nothing. Each row starts with its USCC and a tab,
        // which sorts before any USCC character, so sorting the row texts sorts by USCC: a sort of strings, which the
        // JIT compiles once, instead of one of records by a comparator inlined into this once-a-draw method (C2
        // recompiled it in every draw, 0.3-0.8 s each, JFR).
        int n = 0;
        for (StratumResult r : selections) {
            n += r.selections().size();
        }
        String[] lines = new String[n];
        int k = 0;
        StringBuilder line = new StringBuilder(160);
        for (StratumResult r : selections) {
            for (Selection s : r.selections()) {
                line.setLength(0);
                line.append(s.uscc()).append(draw).append(r.stratum()).append('\t').append(s.rank()).append('\t')
                        .append(s.score()).append(fixed);
                lines[k++] = line.toString();
            }
        }
        java.util.Arrays.sort(lines);
        StringBuilder rows = new StringBuilder(n * 140);
        for (String l : lines) {
            rows.append(l);
        }
        return rows;
    }

    /** Each team member's number of assignments in the record, as COPY rows of {@code draw_inspector_load}. */
    static StringBuilder loadRows(UUID drawId, int year, DrawRecord record) {
        Map<String, Integer> loads = new java.util.TreeMap<>();
        for (Team t : record.teams()) {
            for (TeamMember m : t.members()) {
                loads.merge(m.inspectorId(), 1, Integer::sum);
            }
        }
        StringBuilder rows = new StringBuilder(loads.size() * 64);
        loads.forEach((inspector, n) -> rows.append(drawId).append('\t').append(inspector).append('\t').append(year)
                .append('\t').append(n).append('\n'));
        return rows;
    }

    private void copy(String sql, CharSequence rows) {
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new java.io.StringReader(rows.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("draw tables: " + e.getMessage(), e);
        }
    }

    /** The record's canonical text, exactly the bytes its hash covers, with that hash; null before computing. */
    RecordText storedRecord(UUID drawId) {
        RecordText[] out = new RecordText[1];
        query("""
                SELECT r.record, r.record_after_announcement, r.record_sha256, d.announcement
                FROM draw_result r JOIN draw d ON d.id = r.draw_id WHERE r.draw_id = ?""", List.of(drawId), rs -> {
                    String whole = rs.getString(1);
                    out[0] = RecordText.whole(whole != null ? whole
                            : DrawRecords.aroundAnnouncement(rs.getString(4), rs.getString(2)), rs.getString(3));
                });
        return out[0];
    }

    /** The stored record text; null before computing. */
    String record(UUID drawId) {
        RecordText r = storedRecord(drawId);
        return r == null ? null : r.whole();
    }

    DrawView.Result result(UUID drawId) {
        DrawView.Result[] out = new DrawView.Result[1];
        query("""
                SELECT record_sha256, selected_count, infeasible_count, risk_class_rate, computed_by, computed_at
                FROM draw_result WHERE draw_id = ?""", List.of(drawId), rs -> {
                    BigDecimal rate = rs.getBigDecimal(4);
                    out[0] = new DrawView.Result(rs.getString(1), rs.getInt(2), rs.getInt(3),
                            rate == null ? null : rate.stripTrailingZeros().toPlainString(), rs.getString(5),
                            rs.getTimestamp(6).toInstant().atOffset(ZoneOffset.UTC));
                });
        return out[0];
    }

    List<Substitution> substitutions(UUID drawId) {
        StringBuilder lines = new StringBuilder();
        query("SELECT content FROM draw_substitution WHERE draw_id = ? ORDER BY seq", List.of(drawId),
                rs -> lines.append(rs.getString(1)).append('\n'));
        return DrawRecords.parseSubstitutions(lines.toString());
    }

    /** The substitutions as served: one canonical JSON object per line, in sequence order. */
    String substitutionLines(UUID drawId) {
        StringBuilder lines = new StringBuilder();
        query("SELECT content FROM draw_substitution WHERE draw_id = ? ORDER BY seq", List.of(drawId),
                rs -> lines.append(rs.getString(1)).append('\n'));
        return lines.toString();
    }

    void insertSubstitution(UUID drawId, Substitution s, String content, String sha256) {
        update("""
                INSERT INTO draw_substitution (draw_id, seq, uscc, leaving_id, joining_id, reason, approved_by,
                    approved_at, content, sha256) VALUES (?, ?, ?, ?::uuid, ?::uuid, ?, ?, ?, ?, ?)""", ps -> {
                    ps.setObject(1, drawId);
                    ps.setInt(2, s.sequence());
                    ps.setString(3, s.uscc());
                    ps.setString(4, s.leavingInspectorId());
                    ps.setString(5, s.joiningInspectorId());
                    ps.setString(6, s.reason());
                    ps.setString(7, s.approvedBy());
                    ps.setTimestamp(8, Timestamp.from(s.approvedAt()));
                    ps.setString(9, content);
                    ps.setString(10, sha256);
                    ps.executeUpdate();
                });
    }

    /** The read model's current names of these subjects; a subject it does not know maps to null. */
    Map<String, String> subjectNames(List<String> usccs) {
        Map<String, String> out = new HashMap<>();
        usccs.forEach(u -> out.put(u, null));
        query("SELECT s.uscc, s.name FROM roster_subject s WHERE s.uscc = ANY (?)",
                List.of((Object) usccs.toArray(String[]::new)), rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    Map<String, String> inspectorNames(UUID drawId) {
        Map<String, String> out = new HashMap<>();
        query("SELECT inspector_id::text, name FROM draw_inspector WHERE draw_id = ?", List.of(drawId),
                rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    private List<Unavailability> unavailable(String json) {
        List<Unavailability> out = new ArrayList<>();
        try {
            for (JsonNode n : mapper.readTree(json)) {
                String from = Json.text(n, "from");
                String to = Json.text(n, "to");
                if (from != null && to != null) {
                    out.add(new Unavailability(LocalDate.parse(from), LocalDate.parse(to), Json.text(n, "reason")));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable availability " + json, e);
        }
        return out;
    }

    @FunctionalInterface
    interface Statement {
        void run(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void update(String sql, Statement statement) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            statement.run(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("draw tables: " + e.getMessage(), e);
        }
    }

    private void query(String sql, List<Object> params, Row row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = PoolFreezer.prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("draw tables: " + e.getMessage(), e);
        }
    }
}
