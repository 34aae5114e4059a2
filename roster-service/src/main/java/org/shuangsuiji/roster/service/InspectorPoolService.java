package org.shuangsuiji.roster.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.shuangsuiji.roster.config.RosterConfig;
import org.shuangsuiji.roster.domain.InspectorKind;

/**
 * The eligible inspectors of a scope as of a date, streamed in canonical order (inspector id as lower-case UUID text,
 * byte order) with count and SHA-256 over {@code id + "\n"}. Eligible: a certificate, if any, valid on {@code asOf}
 * (officers always have one). Each member carries the subjects it is in conflict with on {@code asOf}, so the draw
 * can exclude them from those subjects' teams. No personal data.
 */
@ApplicationScoped
public class InspectorPoolService {

    public static final String ALGORITHM = "sha256 over id + '\\n' per inspector in canonical order";

    private final AgroalDataSource dataSource;
    private final RosterConfig config;

    public InspectorPoolService(AgroalDataSource dataSource, RosterConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public record Scope(LocalDate asOf, String department, InspectorKind kind, String regionPrefix, List<String> expertise) {
        public Scope {
            expertise = expertise == null ? List.of() : List.copyOf(expertise);
        }
    }

    public record PoolInspector(String id, String department, String name, InspectorKind kind, String certificateNumber,
            LocalDate certificateValidTo, String regionDivisionCode, int yearlyWorkloadCap, List<String> expertise,
            List<String> conflicts) {}

    @FunctionalInterface
    public interface Sink {
        void accept(PoolInspector inspector) throws IOException;
    }

    public PoolSnapshotService.Summary stream(Scope scope, Sink sink) throws IOException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT i.id::text AS id, i.department_code, i.name, i.kind, i.certificate_number, i.certificate_valid_to,
                       i.region_division_code, i.yearly_workload_cap,
                       (SELECT string_agg(e.tag, ',' ORDER BY e.tag) FROM inspector_expertise e WHERE e.inspector_id = i.id),
                       (SELECT string_agg(DISTINCT c.uscc, ',' ORDER BY c.uscc) FROM conflict_of_interest c
                         WHERE c.inspector_id = i.id AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?))
                FROM inspector i
                WHERE (i.certificate_number IS NULL OR (i.certificate_valid_from <= ? AND i.certificate_valid_to >= ?))""");
        Date asOf = Date.valueOf(scope.asOf());
        params.add(asOf);
        params.add(asOf);
        params.add(asOf);
        params.add(asOf);
        if (scope.department() != null) {
            sql.append(" AND i.department_code = ?");
            params.add(scope.department());
        }
        if (scope.kind() != null) {
            sql.append(" AND i.kind = ?");
            params.add(scope.kind().name());
        }
        if (scope.regionPrefix() != null) {
            sql.append(" AND i.region_division_code LIKE ?");
            params.add(scope.regionPrefix() + "%");
        }
        if (!scope.expertise().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM inspector_expertise e WHERE e.inspector_id = i.id AND e.tag = ANY (?))");
            params.add(scope.expertise().toArray(String[]::new));
        }
        sql.append(" ORDER BY i.id::text COLLATE \"C\"");

        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long count = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setFetchSize(config.snapshot().fetchSize());
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof String[] array) {
                        ps.setArray(i + 1, c.createArrayOf("text", array));
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        Date validTo = rs.getDate(6);
                        sink.accept(new PoolInspector(id, rs.getString(2), rs.getString(3),
                                InspectorKind.valueOf(rs.getString(4)), rs.getString(5),
                                validTo == null ? null : validTo.toLocalDate(), rs.getString(7), rs.getInt(8),
                                split(rs.getString(9)), split(rs.getString(10))));
                        digest.update((id + "\n").getBytes(StandardCharsets.UTF_8));
                        count++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the inspector pool", e);
        }
        return new PoolSnapshotService.Summary(count, HexFormat.of().formatHex(digest.digest()), ALGORITHM);
    }

    public PoolSnapshotService.Summary summary(Scope scope) {
        try {
            return stream(scope, i -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : List.of(s.split(","));
    }
}
