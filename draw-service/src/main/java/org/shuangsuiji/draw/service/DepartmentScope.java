package org.shuangsuiji.draw.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;

/**
 * Whose non-public data a reader may see (ADR 0004): their own department's and every department's below it, taken
 * from the departments roster-service announced. Platform admins, auditors and witnesses read every department.
 */
@ApplicationScoped
public class DepartmentScope {

    private final AgroalDataSource dataSource;

    public DepartmentScope(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * {@code null} when the reader reads every department; otherwise their own department (announced by roster or
     * not) and every department below it.
     */
    public Set<String> readable(CurrentUser user) {
        if (user.hasRole(Roles.PLATFORM_ADMIN) || user.hasRole(Roles.AUDITOR) || user.hasRole(Roles.WITNESS)) {
            return null;
        }
        Set<String> out = new HashSet<>();
        if (user.department() == null) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                WITH RECURSIVE below(code) AS (
                    SELECT CAST(? AS text)
                    UNION
                    SELECT d.code FROM roster_department d JOIN below b ON d.parent_code = b.code)
                SELECT code FROM below""")) {
            ps.setString(1, user.department());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the department read model", e);
        }
        return out;
    }
}
