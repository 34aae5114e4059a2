package org.shuangsuiji.draw.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** What the public endpoints serve byte for byte: the stored canonical record and the substitution lines. */
@ApplicationScoped
public class PublicDraws {

    public record Stored(String json, String sha256) {}

    private final AgroalDataSource dataSource;
    private final FrozenInputs frozen;

    public PublicDraws(AgroalDataSource dataSource, FrozenInputs frozen) {
        this.dataSource = dataSource;
        this.frozen = frozen;
    }

    public Stored record(UUID drawId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT record, record_sha256 FROM draw_result WHERE draw_id = ?")) {
            ps.setObject(1, drawId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Stored(rs.getString(1), rs.getString(2)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String substitutions(UUID drawId) {
        return frozen.substitutionLines(drawId);
    }
}
