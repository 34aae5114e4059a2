package org.shuangsuiji.draw.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.draw.algorithm.ConflictMatrix;
import org.shuangsuiji.draw.algorithm.ConflictPair;
import org.shuangsuiji.draw.algorithm.InspectorCandidate;
import org.shuangsuiji.draw.algorithm.InspectorPools;
import org.shuangsuiji.draw.config.DrawConfig;
import org.shuangsuiji.draw.domain.Stratum;

/**
 * The frozen lists for witnesses and auditors, in the formats roster-service serves and the offline verifier reads:
 * NDJSON, one object per line, then a trailer {@code {"count":N,"sha256":"…"}}. Confidential (risk classes,
 * conflicts): never public.
 */
@ApplicationScoped
public class DrawStreams {

    private final AgroalDataSource dataSource;
    private final FrozenInputs frozen;
    private final ObjectMapper mapper;
    private final DrawConfig config;

    public DrawStreams(AgroalDataSource dataSource, FrozenInputs frozen, ObjectMapper mapper, DrawConfig config) {
        this.dataSource = dataSource;
        this.frozen = frozen;
        this.mapper = mapper;
        this.config = config;
    }

    public record PoolHeader(long count, String sha256) {}

    /** 404 unless the draw froze that stratum. */
    public PoolHeader poolHeader(UUID drawId, String stratum) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT pool_count, pool_sha256 FROM draw_stratum WHERE draw_id = ? AND stratum = ?")) {
            ps.setObject(1, drawId);
            ps.setString(2, stratum);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("frozen pool", stratum + " of draw " + drawId);
                }
                return new PoolHeader(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the stratum's frozen members in canonical order as roster's snapshot lines. Names, kinds and tags are the
     * read model's current values (the hash covers the USCCs only); riskClass is the stratum's class as frozen.
     */
    public void writePool(UUID drawId, String stratum, PoolHeader header, Writer w) throws IOException {
        String riskClass = Stratum.valueOf(stratum).isRiskClass() ? stratum : null;
        JsonGenerator g = generator(w);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor (fetch size) needs a transaction
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT u.uscc, s.name, s.kind, s.industry_code, s.division_code, s.tags
                    FROM draw_stratum d
                    CROSS JOIN LATERAL unnest(string_to_array(rtrim(convert_from(d.members, 'UTF8'), E'\\n'), E'\\n'))
                         WITH ORDINALITY AS u(uscc, ord)
                    LEFT JOIN roster_subject s ON s.uscc = u.uscc
                    WHERE d.draw_id = ? AND d.stratum = ? AND u.uscc <> ''
                    ORDER BY u.ord""")) {
                ps.setFetchSize(config.fetchSize());
                ps.setObject(1, drawId);
                ps.setString(2, stratum);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        g.writeStartObject();
                        g.writeStringField("uscc", rs.getString(1));
                        g.writeStringField("name", rs.getString(2));
                        g.writeStringField("kind", rs.getString(3));
                        g.writeStringField("industryCode", rs.getString(4));
                        g.writeStringField("divisionCode", rs.getString(5));
                        g.writeStringField("riskClass", riskClass);
                        g.writeArrayFieldStart("tags");
                        java.sql.Array tags = rs.getArray(6);
                        if (tags != null) {
                            for (String t : (String[]) tags.getArray()) {
                                g.writeString(t);
                            }
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                        g.flush();
                        w.write('\n');
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("cannot stream the frozen pool", e);
        }
        trailer(w, header.count(), header.sha256());
    }

    /** Exclusions with the precise reason, by public stratum id, in the announcement's order. */
    public void writeExclusions(UUID drawId, java.util.Map<String, Stratum> classes, Writer w) throws IOException {
        java.util.Map<String, String> publicIds = new java.util.HashMap<>();
        classes.forEach((id, c) -> publicIds.put(c.name(), id));
        String lines = null;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT lines FROM draw_exclusion_list WHERE draw_id = ?")) {
            ps.setObject(1, drawId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    lines = rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the exclusions", e);
        }
        List<String[]> rows = new java.util.ArrayList<>();
        for (org.shuangsuiji.draw.algorithm.record.Exclusion e : PoolFreezer.parseExclusions(lines)) {
            rows.add(new String[] {publicIds.get(e.stratum()), e.stratum(), e.uscc(), e.reason(), e.detail()});
        }
        rows.sort((x, y) -> {
            int s = x[0].compareTo(y[0]);
            return s != 0 ? s : org.shuangsuiji.draw.algorithm.PoolHasher.compareBytes(x[2], y[2]);
        });
        JsonGenerator g = generator(w);
        for (String[] r : rows) {
            g.writeStartObject();
            g.writeStringField("stratum", r[0]);
            g.writeStringField("riskClass", r[1]);
            g.writeStringField("uscc", r[2]);
            g.writeStringField("reason", r[3]);
            g.writeStringField("detail", r[4]);
            g.writeEndObject();
            g.flush();
            w.write('\n');
        }
        w.write("{\"count\":" + rows.size() + "}\n");
        w.flush();
    }

    /** The frozen candidate inspectors: one canonical line each (the verifier's input), in id order. */
    public void writeInspectors(UUID drawId, Writer w) throws IOException {
        List<InspectorCandidate> list = InspectorPools.canonical(frozen.inspectors(drawId));
        for (InspectorCandidate c : list) {
            w.write(InspectorPools.canonicalLine(c));
            w.write('\n');
        }
        trailer(w, list.size(), InspectorPools.sha256(list));
    }

    /** The frozen conflict matrix (confidential): {@code {"inspectorId","uscc"}} per pair in canonical order. */
    public void writeConflicts(UUID drawId, Writer w) throws IOException {
        ConflictMatrix matrix = ConflictMatrix.of(frozen.conflicts(drawId));
        JsonGenerator g = generator(w);
        for (ConflictPair p : matrix.pairs()) {
            g.writeStartObject();
            g.writeStringField("inspectorId", p.inspectorId());
            g.writeStringField("uscc", p.uscc());
            g.writeEndObject();
            g.flush();
            w.write('\n');
        }
        trailer(w, matrix.count(), matrix.sha256());
    }

    private JsonGenerator generator(Writer w) throws IOException {
        JsonGenerator g = mapper.getFactory().createGenerator(w);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        g.setRootValueSeparator(null);
        return g;
    }

    private static void trailer(Writer w, long count, String sha256) throws IOException {
        w.write("{\"count\":" + count + ",\"sha256\":\"" + sha256 + "\"}\n");
        w.flush();
    }
}
