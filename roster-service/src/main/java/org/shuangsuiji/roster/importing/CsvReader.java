package org.shuangsuiji.roster.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader that never fails on bad input: every record comes back with its row number (the
 * physical line it starts on, 1-based, the header being row 1) and, when it is malformed, the first problem found
 * (a stray quote, text after a closing quote, an unterminated quoted field, an over-long field). Fields longer than
 * {@code maxField} characters are cut (and reported), so memory stays bounded whatever the input. Line ends: LF or
 * CRLF; a leading byte-order mark is dropped.
 */
public final class CsvReader implements Closeable {

    /** One record; {@code problem} is null when it is well-formed, {@code column} is the 1-based field it concerns. */
    public record Record(long row, List<String> fields, String problem, int column) {}

    private final Reader in;
    private final int maxField;
    private final char[] buffer = new char[64 * 1024];
    private int pos;
    private int limit;
    private long line = 1;
    private boolean first = true;

    public CsvReader(Reader in, int maxField) {
        this.in = in;
        this.maxField = maxField;
    }

    private int read() throws IOException {
        if (pos == limit) {
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[pos++];
    }

    private int peek() throws IOException {
        if (pos == limit) {
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[pos];
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public Record next() throws IOException {
        while (true) {
            int c = peek();
            if (c == -1) {
                return null;
            }
            if (first && c == '\uFEFF') {
                read();
                first = false;
                continue;
            }
            first = false;
            if (c == '\n') {
                read();
                line++;
                continue;
            }
            if (c == '\r') {
                read();
                if (peek() == '\n') {
                    read();
                }
                line++;
                continue;
            }
            return record();
        }
    }

    private Record record() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = null;
        int problemColumn = 0;
        boolean quoted = false;
        boolean afterQuote = false; // a quoted field was closed: only a separator or the line end may follow
        boolean fieldStart = true;
        while (true) {
            int c = read();
            if (c == -1) {
                if (quoted && problem == null) {
                    problem = "a quoted field is not closed before the end of the file";
                    problemColumn = fields.size() + 1;
                }
                fields.add(field.toString());
                return new Record(start, fields, problem, problemColumn);
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        append(field, '"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    if (field.length() < maxField) {
                        append(field, (char) c);
                    } else if (problem == null) {
                        problem = "is longer than " + maxField + " characters";
                        problemColumn = fields.size() + 1;
                    }
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                afterQuote = false;
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                fields.add(field.toString());
                return new Record(start, fields, problem, problemColumn);
            }
            if (c == '"') {
                if (fieldStart) {
                    quoted = true;
                    fieldStart = false;
                    continue;
                }
                if (problem == null) {
                    problem = afterQuote ? "has a quote inside a quoted field that is not doubled (\"\")"
                            : "has a stray quote: quote the whole field and double the quotes inside (\"\")";
                    problemColumn = fields.size() + 1;
                }
            } else if (afterQuote && problem == null) {
                problem = "has text after the closing quote";
                problemColumn = fields.size() + 1;
            }
            fieldStart = false;
            if (field.length() < maxField) {
                append(field, (char) c);
            } else if (problem == null) {
                problem = "is longer than " + maxField + " characters";
                problemColumn = fields.size() + 1;
            }
        }
    }

    private static void append(StringBuilder field, char c) {
        field.append(c);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
