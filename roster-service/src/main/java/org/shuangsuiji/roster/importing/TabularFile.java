package org.shuangsuiji.roster.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.shuangsuiji.commons.problem.ProblemException;

/**
 * The rows of an uploaded CSV or XLSX file (first sheet), read one at a time, each as column name → trimmed text
 * with its row number (the header is row 1). The header must name every required column (any letter case; unknown
 * or repeated columns are refused, so a typo never drops data silently): otherwise {@link #open} throws a 400 naming
 * the columns. A malformed row comes back with {@code problem} (and the column it concerns, when there is one) so the
 * import can report it and go on.
 */
public final class TabularFile implements Closeable {

    public enum Format { CSV, XLSX }

    /** Longest field kept; longer ones are reported, never buffered. */
    public static final int MAX_FIELD = 8192;

    public record Row(long row, Map<String, String> values, String problemField, String problem) {

        /** The trimmed text of a column, or null when empty or absent. */
        public String get(String column) {
            String v = values.get(column);
            return v == null || v.isEmpty() ? null : v;
        }
    }

    private final List<String> columns; // canonical name per position
    private final CsvReader csv;
    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> xlsxStream;
    private final Iterator<org.dhatim.fastexcel.reader.Row> xlsx;
    private final Set<String> dateColumns;

    private TabularFile(List<String> columns, CsvReader csv, ReadableWorkbook workbook,
            Stream<org.dhatim.fastexcel.reader.Row> xlsxStream, Iterator<org.dhatim.fastexcel.reader.Row> xlsx,
            Set<String> dateColumns) {
        this.columns = columns;
        this.csv = csv;
        this.workbook = workbook;
        this.xlsxStream = xlsxStream;
        this.xlsx = xlsx;
        this.dateColumns = dateColumns;
    }

    public static TabularFile open(Path file, Format format, String contentType, List<String> required,
            List<String> optional) throws IOException {
        return open(file, format, contentType, required, optional, Set.of());
    }

    /**
     * @param dateColumns columns holding dates: an XLSX date cell (a serial number) becomes YYYY-MM-DD
     */
    public static TabularFile open(Path file, Format format, String contentType, List<String> required,
            List<String> optional, Set<String> dateColumns) throws IOException {
        Map<String, String> known = new HashMap<>();
        for (String c : required) {
            known.put(c.toLowerCase(Locale.ROOT), c);
        }
        for (String c : optional) {
            known.put(c.toLowerCase(Locale.ROOT), c);
        }
        if (format == Format.CSV) {
            Charset charset = Encodings.of(file, charset(contentType));
            Reader reader = new InputStreamReader(Files.newInputStream(file), charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            CsvReader csv = new CsvReader(reader, MAX_FIELD);
            try {
                CsvReader.Record header = csv.next();
                if (header == null) {
                    throw ProblemException.invalid("file", "is empty: the first row must name the columns ("
                            + String.join(",", required) + ", …)");
                }
                if (header.problem() != null) {
                    throw ProblemException.invalid("file", "the header row, column " + header.column() + ", " + header.problem());
                }
                return new TabularFile(header(header.fields(), known, required), csv, null, null, null, dateColumns);
            } catch (RuntimeException | IOException e) {
                csv.close();
                throw e;
            }
        }
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", "is not a readable XLSX workbook (" + e.getMessage() + ")");
        }
        try {
            Stream<org.dhatim.fastexcel.reader.Row> stream = workbook.getFirstSheet().openStream();
            Iterator<org.dhatim.fastexcel.reader.Row> rows = stream.iterator();
            if (!rows.hasNext()) {
                throw ProblemException.invalid("file", "the first sheet is empty: its first row must name the columns");
            }
            org.dhatim.fastexcel.reader.Row first = rows.next();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < first.getCellCount(); i++) {
                Cell cell = first.getCell(i);
                names.add(cell == null ? "" : cell.getText());
            }
            while (!names.isEmpty() && names.get(names.size() - 1).isBlank()) {
                names.remove(names.size() - 1);
            }
            return new TabularFile(header(names, known, required), null, workbook, stream, rows, dateColumns);
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    private static List<String> header(List<String> names, Map<String, String> known, List<String> required) {
        List<String> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            String c = known.get(n.trim().toLowerCase(Locale.ROOT));
            if (c == null) {
                unknown.add("'" + n.trim() + "'");
            } else if (columns.contains(c)) {
                throw ProblemException.invalid("columns", "column " + c + " appears twice in the header");
            }
            columns.add(c);
        }
        List<String> missing = required.stream().filter(r -> !columns.contains(r)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("columns", "missing column(s) " + String.join(", ", missing)
                    + "; the header names " + String.join(",", names));
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("columns", "unknown column(s) " + String.join(", ", unknown) + "; known: "
                    + String.join(", ", known.values().stream().sorted().toList()));
        }
        return columns;
    }

    /** The next data row, or null at the end. Blank rows are skipped. */
    public Row next() throws IOException {
        return csv != null ? nextCsv() : nextXlsx();
    }

    private Row nextCsv() throws IOException {
        CsvReader.Record r = csv.next();
        if (r == null) {
            return null;
        }
        List<String> fields = r.fields();
        if (fields.size() == 1 && fields.get(0).isBlank() && r.problem() == null) {
            return nextCsv();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(fields.size(), columns.size()); i++) {
            values.put(columns.get(i), fields.get(i).trim());
        }
        if (r.problem() != null) {
            String column = r.column() >= 1 && r.column() <= columns.size() ? columns.get(r.column() - 1) : null;
            return new Row(r.row(), values, column, r.problem());
        }
        if (fields.size() != columns.size()) {
            return new Row(r.row(), values, null, "has " + fields.size() + " fields, the header has " + columns.size()
                    + " (an unquoted comma or line break inside a value?)");
        }
        return check(new Row(r.row(), values, null, null));
    }

    private Row nextXlsx() {
        while (xlsx.hasNext()) {
            org.dhatim.fastexcel.reader.Row r = xlsx.next();
            Map<String, String> values = new LinkedHashMap<>();
            boolean blank = true;
            String problemField = null;
            String problem = null;
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = i < r.getCellCount() ? r.getCell(i) : null;
                String text = cell == null ? "" : text(cell, dateColumns.contains(columns.get(i)));
                if (text.length() > MAX_FIELD && problem == null) {
                    problemField = columns.get(i);
                    problem = "is longer than " + MAX_FIELD + " characters";
                    text = text.substring(0, MAX_FIELD);
                }
                blank &= text.isBlank();
                values.put(columns.get(i), text.trim());
            }
            if (blank) {
                continue;
            }
            return check(new Row(r.getRowNum(), values, problemField, problem));
        }
        return null;
    }

    private static String text(Cell cell, boolean date) {
        if (cell.getType() == CellType.NUMBER) {
            if (date) {
                return cell.asDate().toLocalDate().toString();
            }
            BigDecimal n = cell.asNumber();
            return n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.toPlainString();
        }
        String t = cell.getText();
        return t == null ? "" : t;
    }

    private static Row check(Row row) {
        if (row.problem() != null) {
            return row;
        }
        for (Map.Entry<String, String> e : row.values().entrySet()) {
            if (Encodings.hasUndecodable(e.getValue())) {
                return new Row(row.row(), row.values(), e.getKey(), "holds bytes that are not valid in the file's"
                        + " encoding (UTF-8 unless declared otherwise)");
            }
        }
        return row;
    }

    /** The {@code charset} parameter of a Content-Type header, or null. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring("charset=".length());
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
        if (xlsxStream != null) {
            xlsxStream.close();
        }
        if (workbook != null) {
            workbook.close();
        }
    }
}
