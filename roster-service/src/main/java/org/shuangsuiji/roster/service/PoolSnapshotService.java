package org.shuangsuiji.roster.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.shuangsuiji.roster.config.RosterConfig;
import org.shuangsuiji.roster.domain.RiskClass;
import org.shuangsuiji.roster.domain.SubjectKind;

/**
 * Streams a drawable pool in canonical order (USCC, byte order) through a server-side JDBC cursor, hashing as it
 * goes: memory stays flat whatever the pool size. One SQL statement, so the rows are one consistent snapshot.
 */
@ApplicationScoped
public class PoolSnapshotService {

    /** The hashing rule, as documented in README.md; draw-service and witnesses recompute it. */
    public static final String ALGORITHM = "sha256 over uscc + '\\n' per subject in canonical order";

    private final AgroalDataSource dataSource;
    private final RosterConfig config;

    public PoolSnapshotService(AgroalDataSource dataSource, RosterConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** One pool member as streamed. Carries the confidential risk class: never on a public answer. */
    public record PoolSubject(String uscc, String name, SubjectKind kind, String industryCode, String divisionCode,
            RiskClass riskClass, List<String> tags) {}

    public record Summary(long count, String sha256, String algorithm) {

        /** The last line of every streamed snapshot; witnesses compare it with what they recompute. */
        public String trailer() {
            return "{\"count\":" + count + ",\"sha256\":\"" + sha256 + "\"}";
        }
    }

    @FunctionalInterface
    public interface Sink {
        void accept(PoolSubject subject) throws java.io.IOException;
    }

    /** Feeds every pool member to {@code sink} in canonical order and returns the count and hash over them. */
    public Summary stream(PoolScope scope, Sink sink) throws java.io.IOException {
        List<Object> params = new ArrayList<>();
        String sql = sql(scope, params);
        HashedCursor.Result result = HashedCursor.stream(dataSource, config.snapshot().fetchSize(), sql, params,
                rs -> {
                    String risk = rs.getString(6);
                    String tags = rs.getString(7);
                    return new PoolSubject(rs.getString(1), rs.getString(2), SubjectKind.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), risk == null ? null : RiskClass.valueOf(risk),
                            tags == null ? List.of() : List.of(tags.split(",")));
                },
                PoolSubject::uscc, sink::accept, "subject pool");
        return new Summary(result.count(), result.sha256(), ALGORITHM);
    }

    public Summary summary(PoolScope scope) {
        try {
            return stream(scope, s -> {});
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sql(PoolScope scope, List<Object> params) {
        StringBuilder sql = new StringBuilder("""
                SELECT s.uscc, s.name, s.kind, s.industry_code, s.division_code, s.risk_class, tg.tags
                FROM subject s
                LEFT JOIN (SELECT uscc, string_agg(code, ',' ORDER BY code) AS tags FROM subject_tag GROUP BY uscc) tg
                       ON tg.uscc = s.uscc
                WHERE s.status = 'ACTIVE'""");
        if (present(scope.department())) {
            sql.append(" AND ? = ANY (s.departments)");
            params.add(scope.department());
        }
        if (present(scope.itemFamily())) {
            sql.append(" AND ? = ANY (s.item_families)");
            params.add(scope.itemFamily());
        }
        if (present(scope.industry())) {
            sql.append(" AND s.industry_code LIKE ?");
            params.add(scope.industry() + "%");
        }
        if (present(scope.divisionPrefix())) {
            sql.append(" AND s.division_code LIKE ?");
            params.add(scope.divisionPrefix() + "%");
        }
        if (scope.kind() != null) {
            sql.append(" AND s.kind = ?");
            params.add(scope.kind().name());
        }
        if (!scope.tags().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM subject_tag t WHERE t.uscc = s.uscc AND t.code = ANY (?))");
            params.add(scope.tags().toArray(String[]::new));
        }
        if (!scope.riskClasses().isEmpty()) {
            sql.append(" AND s.risk_class = ANY (?)");
            params.add(scope.riskClasses().stream().map(Enum::name).toArray(String[]::new));
        }
        sql.append(" ORDER BY s.uscc COLLATE \"C\"");
        return sql.toString();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
