package org.shuangsuiji.draw.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.shuangsuiji.draw.domain.SubjectScope;

/**
 * How current the read models are: the same count and hash roster's {@code /snapshots/subjects/summary} gives for the
 * same criteria. Equal answers mean a draw announced now freezes exactly roster's pool.
 */
@ApplicationScoped
public class ReadModelQueries {

    public static final String ALGORITHM = "sha256 over uscc + '\\n' per subject in canonical order";

    public record Summary(long count, String sha256, String algorithm) {}

    private final AgroalDataSource dataSource;

    public ReadModelQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Summary subjects(SubjectScope scope, List<String> riskClasses) {
        List<Object> params = new ArrayList<>();
        String where = PoolFreezer.scopeWhere(scope, params);
        if (!riskClasses.isEmpty()) {
            where += " AND s.risk_class = ANY (?)";
            params.add(riskClasses.toArray(String[]::new));
        }
        String sql = """
                SELECT count(*), encode(sha256(CASE WHEN count(*) = 0 THEN ''::bytea
                       ELSE convert_to(string_agg(s.uscc, E'\\n' ORDER BY s.uscc) || E'\\n', 'UTF8') END), 'hex')
                FROM roster_subject s WHERE\s""" + where; // \s: a text block drops the trailing blank before the condition
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = PoolFreezer.prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Summary(rs.getLong(1), rs.getString(2), ALGORITHM);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the subject read model", e);
        }
    }
}
