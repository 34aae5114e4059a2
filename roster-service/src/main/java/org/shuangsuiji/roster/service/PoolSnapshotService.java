package org.shuangsuiji.roster.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.roster.domain.RiskClass;
import org.shuangsuiji.roster.domain.SubjectKind;

/**
 * Streams a drawable pool in canonical order (USCC, byte order) as PostgreSQL's {@code COPY … TO STDOUT}, hashing as
 * it goes: memory stays flat whatever the pool size (the socket's buffers hold what the service has not read yet).
 * One SQL statement, so the rows are one consistent snapshot. A JDBC cursor made PostgreSQL and the service take
 * turns, one fetch at a time; {@code COPY} keeps sending while the service decodes and writes (a count and hash of
 * 969 960 subjects: 0.9–1.2 s against 1.7–2.3 s; docs/performance.md).
 */
@ApplicationScoped
public class PoolSnapshotService {

    /** The hashing rule, as documented in README.md; draw-service and witnesses recompute it. */
    public static final String ALGORITHM = "sha256 over uscc + '\\n' per subject in canonical order";

    private final AgroalDataSource dataSource;

    public PoolSnapshotService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
    public Summary stream(PoolScope scope, Sink sink) throws IOException {
        return copyRows(scope, (row, ends) -> {
            String risk = text(row, ends[4] + 1, ends[5]);
            String tags = text(row, ends[5] + 1, ends[6]);
            sink.accept(new PoolSubject(text(row, 0, ends[0]), text(row, ends[0] + 1, ends[1]),
                    SubjectKind.valueOf(text(row, ends[1] + 1, ends[2])), text(row, ends[2] + 1, ends[3]),
                    text(row, ends[3] + 1, ends[4]), risk == null ? null : RiskClass.valueOf(risk),
                    tags == null ? List.of() : List.of(tags.split(","))));
        });
    }

    /**
     * The pool as NDJSON onto {@code out}: each {@code COPY} row goes straight from its UTF-8 bytes to the line the
     * API's JSON serialiser writes for a {@link PoolSubject} (these fields in this order, compact, strings escaped as
     * Jackson escapes them, a missing risk class as {@code null}, tags as an array), with no decoding into strings
     * and encoding back. Returns the count and hash; the caller writes the trailer.
     */
    public Summary streamJson(PoolScope scope, OutputStream out) throws IOException {
        Buffer lines = new Buffer(out);
        Summary summary = copyRows(scope, (row, ends) -> writeJsonLine(row, ends, lines));
        lines.flush();
        return summary;
    }

    @FunctionalInterface
    private interface RowHandler {
        /** One row of COPY's text format and where each of its fields ends (its tab, or the row's end). */
        void accept(byte[] row, int[] ends) throws IOException;
    }

    /** Runs the pool query as one {@code COPY … TO STDOUT}, hands each row on, and counts and hashes the USCCs. */
    private Summary copyRows(PoolScope scope, RowHandler handler) throws IOException {
        List<Object> params = new ArrayList<>();
        String copy = "COPY (" + inline(sql(scope, params), params) + ") TO STDOUT";
        MessageDigest digest = sha256();
        long count = 0;
        int[] ends = new int[JSON_FIELDS.length];
        try (Connection c = dataSource.getConnection()) {
            CopyOut copyOut = c.unwrap(PGConnection.class).getCopyAPI().copyOut(copy);
            try {
                for (byte[] row = copyOut.readFromCopy(); row != null; row = copyOut.readFromCopy()) {
                    splitRow(row, ends);
                    digest.update(row, 0, ends[0]); // the USCC: 18 ASCII letters and digits, nothing escaped
                    digest.update((byte) '\n');
                    handler.accept(row, ends);
                    count++;
                }
            } finally {
                if (copyOut.isActive()) { // the consumer failed (the client went away): stop the server sending the rest
                    copyOut.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the subject pool", e);
        }
        return new Summary(count, HexFormat.of().formatHex(digest.digest()), ALGORITHM);
    }

    /** A field of a COPY text row as its text: {@code \N} is null, escapes decoded. */
    private static String text(byte[] row, int from, int to) {
        if (to - from == 2 && row[from] == '\\' && row[from + 1] == 'N') {
            return null;
        }
        byte[] value = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            value[n++] = row[i] == '\\' && i + 1 < to ? unescaped(row[++i]) : row[i];
        }
        return new String(value, 0, n, StandardCharsets.UTF_8);
    }

    /** The byte a COPY text escape {@code \x} stands for. */
    private static byte unescaped(byte escaped) {
        return switch (escaped) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'v' -> 0x0b;
            default -> escaped; // \\ and any other escaped character stand for themselves
        };
    }

    /**
     * An unsynchronised buffer in front of the response: a line is written in a dozen small pieces, and every call to
     * a {@code BufferedOutputStream} takes its lock. Written out when full and at the end; flushing the target is
     * left to the caller.
     */
    static final class Buffer extends OutputStream {
        private final OutputStream target;
        private final byte[] bytes = new byte[64 * 1024];
        private int size;

        Buffer(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            if (size == bytes.length) {
                flush();
            }
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > bytes.length - size) {
                flush();
                if (len > bytes.length) {
                    target.write(b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        @Override
        public void flush() throws IOException {
            target.write(bytes, 0, size);
            size = 0;
        }
    }

    private static final byte[][] JSON_FIELDS = {
        "{\"uscc\":".getBytes(StandardCharsets.US_ASCII), ",\"name\":".getBytes(StandardCharsets.US_ASCII),
        ",\"kind\":".getBytes(StandardCharsets.US_ASCII), ",\"industryCode\":".getBytes(StandardCharsets.US_ASCII),
        ",\"divisionCode\":".getBytes(StandardCharsets.US_ASCII), ",\"riskClass\":".getBytes(StandardCharsets.US_ASCII),
        ",\"tags\":".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** Where each of the row's {@code ends.length} fields ends: its tab, or the row's end without the newline. */
    static void splitRow(byte[] row, int[] ends) {
        int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        int k = 0;
        for (int i = 0; i < end && k < ends.length - 1; i++) {
            if (row[i] == '\t') {
                ends[k++] = i;
            }
        }
        ends[k] = end;
        if (k != ends.length - 1) {
            throw new IllegalStateException("unreadable pool row: " + new String(row, StandardCharsets.UTF_8));
        }
    }

    /** One pool row of COPY's text format as the API's JSON line, newline included. */
    static void writeJsonLine(byte[] row, int[] ends, OutputStream out) throws IOException {
        int from = 0;
        for (int k = 0; k < ends.length; k++) {
            out.write(JSON_FIELDS[k]);
            int to = ends[k];
            boolean isNull = to - from == 2 && row[from] == '\\' && row[from + 1] == 'N';
            if (k == ends.length - 1) { // tags: a comma-separated list of codes (letters, digits, '_'), or none
                out.write('[');
                if (!isNull) {
                    int start = from;
                    for (int i = from; i <= to; i++) {
                        if (i == to || row[i] == ',') {
                            if (start != from) {
                                out.write(',');
                            }
                            out.write('"');
                            writeJsonString(row, start, i, out);
                            out.write('"');
                            start = i + 1;
                        }
                    }
                }
                out.write(']');
            } else if (isNull) {
                out.write(NULL);
            } else {
                out.write('"');
                writeJsonString(row, from, to, out);
                out.write('"');
            }
            from = to + 1;
        }
        out.write('}');
        out.write('\n');
    }

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /**
     * A COPY text value as the inside of a JSON string: COPY's escapes decoded ({@code \\}, {@code \t}, {@code \n},
     * …), then {@code "}, {@code \} and control characters escaped as Jackson does; every other byte, UTF-8
     * sequences included, as it is.
     */
    private static void writeJsonString(byte[] row, int from, int to, OutputStream out) throws IOException {
        int start = from;
        for (int i = from; i < to; i++) {
            int b = row[i];
            if (b != '\\' && b != '"' && (b & 0xff) >= 0x20) {
                continue;
            }
            out.write(row, start, i - start);
            if (b == '\\' && i + 1 < to) {
                b = unescaped(row[++i]);
            }
            switch (b) {
                case '"' -> { out.write('\\'); out.write('"'); }
                case '\\' -> { out.write('\\'); out.write('\\'); }
                case '\t' -> { out.write('\\'); out.write('t'); }
                case '\n' -> { out.write('\\'); out.write('n'); }
                case '\r' -> { out.write('\\'); out.write('r'); }
                case '\b' -> { out.write('\\'); out.write('b'); }
                case '\f' -> { out.write('\\'); out.write('f'); }
                default -> {
                    if ((b & 0xff) < 0x20) {
                        out.write(U00);
                        out.write(HEX[(b >> 4) & 0xf]);
                        out.write(HEX[b & 0xf]);
                    } else {
                        out.write(b);
                    }
                }
            }
            start = i + 1;
        }
        out.write(row, start, to - start);
    }

    private static final byte[] U00 = "\\u00".getBytes(StandardCharsets.US_ASCII);

    /**
     * The query with its parameters written in as literals, as {@code COPY} takes none. Every value is quoted as an
     * escape string ({@code E'…'}: quotes and backslashes doubled), so it reads the same whatever
     * {@code standard_conforming_strings} says; the template's only question marks are its placeholders.
     */
    static String inline(String sql, List<Object> params) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch != '?') {
                out.append(ch);
            } else if (params.get(next) instanceof String[] array) {
                next++;
                out.append("ARRAY[");
                for (int k = 0; k < array.length; k++) {
                    out.append(k == 0 ? "" : ",").append(literal(array[k]));
                }
                out.append("]::text[]");
            } else {
                out.append(literal((String) params.get(next++)));
            }
        }
        if (next != params.size()) {
            throw new IllegalStateException("pool query has " + next + " placeholders for " + params.size() + " values");
        }
        return out.toString();
    }

    private static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw ProblemException.invalid("scope", "must not contain NUL characters");
        }
        return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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
