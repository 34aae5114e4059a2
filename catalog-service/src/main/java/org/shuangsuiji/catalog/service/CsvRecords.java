package org.shuangsuiji.catalog.service;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time (quoted cells may hold commas, quotes and line breaks), so an import holds
 * one row in memory at a time. A cell is capped at {@link #MAX_CELL} characters: garbage cannot grow a row without
 * bound.
 */
final class CsvRecords {

    static final int MAX_CELL = 10_000;

    private final Reader in;
    private int pushedBack = -2;
    private boolean done;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** @return the next record's cells, or null at the end of the input */
    List<String> next() {
        if (done) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        while (true) {
            int c = read();
            if (c < 0) {
                done = true;
                if (!any && cells.isEmpty()) {
                    return null;
                }
                cells.add(cell.toString());
                return cells;
            }
            any = true;
            if (quoted) {
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        append(cell, '"');
                    } else {
                        quoted = false;
                        unread(n);
                    }
                } else {
                    append(cell, (char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        unread(n);
                    }
                }
                cells.add(cell.toString());
                return cells;
            } else {
                append(cell, (char) c);
            }
        }
    }

    private static void append(StringBuilder cell, char c) {
        if (cell.length() < MAX_CELL) {
            cell.append(c);
        }
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
