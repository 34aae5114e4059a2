package org.shuangsuiji.roster.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.shuangsuiji.roster.config.RosterConfig;
import org.shuangsuiji.roster.domain.InspectorKind;

/**
 * The eligible inspectors of a scope for the dates {@code asOf}..{@code until} (both inclusive; {@code until}
 * defaults to {@code asOf}), streamed in canonical order (inspector id as lower-case UUID text, byte order) with count
 * and SHA-256 over {@code id + "\n"}. Eligible: a certificate, if any, valid on every one of those dates (officers
 * always have one) and no current unavailability period (leave, training, …) touching them. Each member carries the
 * subjects it has a conflict with (declared or accepted recusal request, not withdrawn) on any of those dates, and
 * those pairs are hashed too ({@code conflictsSha256} over {@code inspectorId + "," + uscc + "\n"} in canonical
 * order: by inspector id, then USCC), so a draw can prove which exclusions it applied. No personal data.
 */
@ApplicationScoped
public class InspectorPoolService {

    public static final String ALGORITHM = "sha256 over id + '\\n' per inspector in canonical order";
    public static final String CONFLICTS_ALGORITHM =
            "sha256 over inspectorId + ',' + uscc + '\\n' per conflict, by inspector id then uscc";

    private final AgroalDataSource dataSource;
    private final RosterConfig config;

    public InspectorPoolService(AgroalDataSource dataSource, RosterConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public record Scope(LocalDate asOf, LocalDate until, String department, InspectorKind kind, String regionPrefix,
            List<String> expertise) {
        public Scope {
            expertise = expertise == null ? List.of() : List.copyOf(expertise);
            until = until == null ? asOf : until;
        }
    }

    public record PoolInspector(String id, String department, String name, InspectorKind kind, String certificateNumber,
            LocalDate certificateValidTo, String regionDivisionCode, int yearlyWorkloadCap, List<String> expertise,
            List<String> conflicts) {}

    /** Count and hash of the members, and of the conflict pairs they carry. */
    public record Summary(long count, String sha256, long conflicts, String conflictsSha256, String algorithm,
            String conflictsAlgorithm) {

        /** The last line of a streamed inspector snapshot. */
        public String trailer() {
            return "{\"count\":" + count + ",\"sha256\":\"" + sha256 + "\",\"conflicts\":" + conflicts
                    + ",\"conflictsSha256\":\"" + conflictsSha256 + "\"}";
        }
    }

    @FunctionalInterface
    public interface Sink {
        void accept(PoolInspector inspector) throws IOException;
    }

    public Summary stream(Scope scope, Sink sink) throws IOException {
        List<Object> params = new ArrayList<>();
        Date asOf = Date.valueOf(scope.asOf());
        Date until = Date.valueOf(scope.until());
        StringBuilder sql = new StringBuilder("""
                SELECT i.id::text AS id, i.department_code, i.name, i.kind, i.certificate_number, i.certificate_valid_to,
                       i.region_division_code, i.yearly_workload_cap,
                       (SELECT string_agg(e.tag, ',' ORDER BY e.tag) FROM inspector_expertise e WHERE e.inspector_id = i.id),
                       (SELECT string_agg(DISTINCT c.uscc, ',' ORDER BY c.uscc) FROM conflict_of_interest c
                         WHERE c.inspector_id = i.id AND c.withdrawn_at IS NULL
                           AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?))
                FROM inspector i
                WHERE (i.certificate_number IS NULL OR (i.certificate_valid_from <= ? AND i.certificate_valid_to >= ?))
                  AND NOT EXISTS (SELECT 1 FROM inspector_unavailability u
                                   WHERE u.inspector_id = i.id AND u.removed_at IS NULL
                                     AND u.from_date <= ? AND u.to_date >= ?)""");
        params.add(until);
        params.add(asOf);
        params.add(asOf);
        params.add(until);
        params.add(until);
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

        MessageDigest conflictDigest = sha256();
        long[] conflicts = {0};
        HashedCursor.Result result = HashedCursor.stream(dataSource, config.snapshot().fetchSize(), sql.toString(), params,
                rs -> {
                    Date validTo = rs.getDate(6);
                    return new PoolInspector(rs.getString(1), rs.getString(2), rs.getString(3),
                            InspectorKind.valueOf(rs.getString(4)), rs.getString(5),
                            validTo == null ? null : validTo.toLocalDate(), rs.getString(7), rs.getInt(8),
                            split(rs.getString(9)), split(rs.getString(10)));
                },
                PoolInspector::id,
                i -> {
                    for (String uscc : i.conflicts()) { // USCCs come sorted byte-wise (COLLATE "C" column)
                        conflictDigest.update((i.id() + "," + uscc + "\n").getBytes(StandardCharsets.UTF_8));
                        conflicts[0]++;
                    }
                    sink.accept(i);
                }, "inspector pool");
        return new Summary(result.count(), result.sha256(), conflicts[0], HexFormat.of().formatHex(conflictDigest.digest()),
                ALGORITHM, CONFLICTS_ALGORITHM);
    }

    public Summary summary(Scope scope) {
        try {
            return stream(scope, i -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : List.of(s.split(","));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
