package org.shuangsuiji.roster.service;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one query through a server-side cursor, hands each row to a sink in query order and hashes each row's key
 * followed by '\n' (SHA-256): the pool snapshots' hashing rule. Memory stays flat whatever the pool size, and a
 * single statement sees one consistent snapshot of the data.
 */
final class HashedCursor {

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Sink<T> {
        void accept(T row) throws IOException;
    }

    record Result(long count, String sha256) {}

    private HashedCursor() {}

    static <T> Result stream(AgroalDataSource dataSource, int fetchSize, String sql, List<Object> params,
            RowReader<T> reader, Function<T, String> key, Sink<T> sink, String what) throws IOException {
        MessageDigest digest = sha256();
        long count = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL only uses a cursor (fetchSize) inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(fetchSize);
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
                        T row = reader.read(rs);
                        sink.accept(row);
                        digest.update(key.apply(row).getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) '\n');
                        count++;
                    }
                }
            } finally {
                c.rollback(); // read only
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the " + what, e);
        }
        return new Result(count, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
