package org.shuangsuiji.catalog.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.shuangsuiji.catalog.config.CatalogConfig;
import org.shuangsuiji.catalog.domain.InspectionItem;
import org.shuangsuiji.catalog.domain.InspectionMethod;
import org.shuangsuiji.catalog.domain.ItemClass;
import org.shuangsuiji.catalog.domain.KnownDepartment;
import org.shuangsuiji.catalog.domain.LegalBasis;
import org.shuangsuiji.catalog.rest.ImportReport;
import org.shuangsuiji.catalog.rest.ItemRequest;
import org.shuangsuiji.commons.problem.Problem;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;

/**
 * Bulk import of an item list in the provinces' column layout (CSV or XLSX). A list is adopted as a whole: if any row
 * is rejected, nothing is stored and the problem lists every rejected row and field; otherwise every row becomes a
 * draft (new code), an edited draft, a draft of the next version, or is left unchanged. Rows are read one at a time
 * and reading stops past {@code catalog.imports.max-rows}.
 */
@ApplicationScoped
public class ItemImportService {

    public enum Format { CSV, XLSX }

    /** Optional columns after the eight of the published layout, by header text. */
    static final List<String> OPTIONAL_COLUMNS = List.of("事项编码", "抽查内容", "抽查比例", "抽查频次", "最少检查人数", "专业要求", "备注");

    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(
            Map.entry("code", "事项编码"), Map.entry("name", "抽查事项"), Map.entry("category", "抽查类别"),
            Map.entry("objectDescription", "检查对象"), Map.entry("department", "检查主体"),
            Map.entry("legalBasis", "检查依据"), Map.entry("content", "抽查内容"), Map.entry("methods", "检查方式"),
            Map.entry("itemClass", "事项类别"), Map.entry("defaultRatio", "抽查比例"), Map.entry("frequency", "抽查频次"),
            Map.entry("minTeamSize", "最少检查人数"), Map.entry("requiredTags", "专业要求"), Map.entry("remarks", "备注"));

    private static final java.util.regex.Pattern BOOK_TITLE = java.util.regex.Pattern.compile("《([^》]+)》(.*)");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");

    /** Rows written between two flushes; one query loads the latest versions of a chunk's codes. */
    private static final int CHUNK = 200;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ItemImportService.class);

    private final ItemService items;
    private final DepartmentDirectory departments;
    private final Validator validator;
    private final CatalogConfig config;

    public ItemImportService(ItemService items, DepartmentDirectory departments, Validator validator, CatalogConfig config) {
        this.items = items;
        this.departments = departments;
        this.validator = validator;
        this.config = config;
    }

    private record Parsed(int row, ItemRequest request) {}

    private static final class Errors {
        final List<Problem.FieldError> listed = new ArrayList<>();
        final java.util.Set<Integer> rows = new java.util.TreeSet<>();
        final int cap;

        Errors(int cap) {
            this.cap = cap;
        }

        boolean full() {
            return listed.size() >= cap;
        }

        void add(int row, String column, String reason) {
            rows.add(row);
            if (listed.size() < cap) {
                listed.add(new Problem.FieldError("row " + row + ": " + column, reason));
            }
        }
    }

    @Transactional
    public ImportReport importItems(byte[] body, Format format, boolean dryRun, CurrentUser user) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("file", "is empty: send the list as the request body (CSV or XLSX)");
        }
        long started = System.nanoTime();
        String sha256 = sha256(body);
        Map<String, String> departmentCodes = departmentCodes();
        Errors errors = new Errors(config.imports().maxReportedErrors());
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> seenCodes = new HashMap<>();
        Map<String, Map<String, String>> codesByName = new HashMap<>();
        int dataRows = 0;
        try (RowSource rows = open(body, format)) {
            SheetRow header = rows.next();
            while (header != null && blank(header.cells())) {
                header = rows.next();
            }
            if (header == null) {
                throw ProblemException.invalid("file", "holds no header row; expected " + String.join("/", Tables.ITEM_COLUMNS));
            }
            Map<String, Integer> columns = header(header.cells());
            SheetRow row;
            while ((row = rows.next()) != null) {
                if (blank(row.cells())) {
                    continue;
                }
                if (++dataRows > config.imports().maxRows()) {
                    LOG.infof("import %s by %s: cut off at row %d after %d ms", sha256.substring(0, 12), user.name(),
                            row.number(), (System.nanoTime() - started) / 1_000_000);
                    errors.listed.add(0, new Problem.FieldError("file", "holds more than " + config.imports().maxRows()
                            + " data rows; reading stopped at row " + row.number() + ". Split the list into smaller files"));
                    throw new ProblemException(422, "too-many-rows", "Import rejected",
                            "the file holds more than " + config.imports().maxRows() + " data rows; nothing was stored",
                            errors.listed);
                }
                if (errors.full()) {
                    continue; // the list is rejected anyway: only count rows up to the cap, check no more
                }
                Parsed p = parse(row, columns, departmentCodes, codesByName, user, errors);
                if (p == null) {
                    continue;
                }
                Integer first = seenCodes.putIfAbsent(p.request().code(), row.number());
                if (first != null) {
                    errors.add(row.number(), columns.containsKey("事项编码") ? "事项编码" : "抽查事项",
                            "the same item as row " + first + " (" + p.request().code() + ")");
                    continue;
                }
                parsed.add(p);
            }
        }
        if (dataRows == 0) {
            throw ProblemException.invalid("file", "holds a header but no data rows");
        }
        long parsedAt = System.nanoTime();
        LOG.infof("import %s by %s: %d rows read and checked in %d ms, %d rejected", sha256.substring(0, 12), user.name(),
                dataRows, (parsedAt - started) / 1_000_000, errors.rows.size());
        if (!errors.rows.isEmpty()) {
            throw rejected(errors, dataRows);
        }
        List<ImportReport.RowOutcome> outcomes = new ArrayList<>(parsed.size());
        int[] counts = new int[EditOutcome.values().length];
        var em = InspectionItem.getEntityManager();
        try {
            for (int from = 0; from < parsed.size(); from += CHUNK) {
                List<Parsed> chunk = parsed.subList(from, Math.min(from + CHUNK, parsed.size()));
                Map<String, InspectionItem> latest = latest(chunk.stream().map(p -> p.request().code()).toList());
                for (Parsed p : chunk) {
                    try {
                        ItemService.Written w = items.importRow(p.request(), latest.get(p.request().code()), user);
                        outcomes.add(new ImportReport.RowOutcome(p.row(), w.item().code, w.item().version, w.outcome()));
                        counts[w.outcome().ordinal()]++;
                    } catch (ProblemException e) {
                        var problem = e.toProblem(null);
                        String column = problem.errors().isEmpty() ? "事项编码"
                                : COLUMN_OF_FIELD.getOrDefault(problem.errors().get(0).field(), "事项编码");
                        errors.add(p.row(), column, e.getMessage());
                    }
                }
                // Written rows leave the session: dirty checking would otherwise grow with every row.
                em.flush();
                em.clear();
            }
        } catch (jakarta.persistence.PersistenceException e) {
            throw ProblemException.conflict("concurrent-change",
                    "another import or edit of the same items ran at the same time; nothing was stored, try again");
        }
        if (!errors.rows.isEmpty()) {
            throw rejected(errors, dataRows);
        }
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
        }
        LOG.infof("import %s: %d rows written in %d ms%s", sha256.substring(0, 12), parsed.size(),
                (System.nanoTime() - parsedAt) / 1_000_000, dryRun ? " (dry run, rolled back)" : "");
        return new ImportReport(sha256, format.name(), dryRun, dataRows, counts[EditOutcome.CREATED.ordinal()],
                counts[EditOutcome.UPDATED.ordinal()], counts[EditOutcome.NEW_VERSION.ordinal()],
                counts[EditOutcome.UNCHANGED.ordinal()], outcomes);
    }

    private static ProblemException rejected(Errors errors, int dataRows) {
        String listed = errors.listed.size() < errors.rows.size() ? " (the first " + errors.listed.size() + " errors are listed)" : "";
        return new ProblemException(422, "import-rejected", "Import rejected",
                (errors.full() ? "at least " : "") + errors.rows.size() + " of " + dataRows + " rows rejected; nothing was stored" + listed, errors.listed);
    }

    /** The eight columns of the published layout in order, then any of the optional columns. */
    private static Map<String, Integer> header(List<String> cells) {
        List<String> names = cells.stream().map(ItemImportService::clean).toList();
        int last = names.size();
        while (last > 0 && names.get(last - 1).isEmpty()) {
            last--;
        }
        names = names.subList(0, last);
        String expected = String.join("/", Tables.ITEM_COLUMNS);
        if (names.size() < Tables.ITEM_COLUMNS.size() || !names.subList(0, 8).equals(Tables.ITEM_COLUMNS)) {
            throw new ProblemException(400, "wrong-columns", "Wrong columns",
                    "the header must start with " + expected + "; it is " + String.join("/", names.subList(0, Math.min(names.size(), 12)))
                            + (names.size() > 12 ? "/…" : ""),
                    List.of(new Problem.FieldError("header", "expected " + expected + ", optionally followed by "
                            + String.join("/", OPTIONAL_COLUMNS))));
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (i >= 8 && !OPTIONAL_COLUMNS.contains(n)) {
                throw new ProblemException(400, "wrong-columns", "Wrong columns",
                        "column " + (i + 1) + " '" + n + "' is not part of the layout",
                        List.of(new Problem.FieldError("header", "column " + (i + 1) + " '" + n + "' is unknown; allowed after "
                                + expected + ": " + String.join("/", OPTIONAL_COLUMNS))));
            }
            if (columns.putIfAbsent(n, i) != null) {
                throw new ProblemException(400, "wrong-columns", "Wrong columns", "column '" + n + "' appears twice",
                        List.of(new Problem.FieldError("header", "column '" + n + "' appears twice")));
            }
        }
        return columns;
    }

    private Parsed parse(SheetRow row, Map<String, Integer> columns, Map<String, String> departmentCodes,
            Map<String, Map<String, String>> codesByName, CurrentUser user,
            Errors errors) {
        int n = row.number();
        String name = cell(row, columns, "抽查事项");
        String departmentText = cell(row, columns, "检查主体");
        String department = departmentCodes.get(departmentText);
        if (departmentText.isEmpty()) {
            errors.add(n, "检查主体", "is required");
        } else if (department == null) {
            errors.add(n, "检查主体", "unknown department '" + departmentText + "': not registered in roster-service");
        } else if (!user.hasRole(Roles.PLATFORM_ADMIN) && !department.equals(user.department())) {
            errors.add(n, "检查主体", department + " is not your department");
        }
        ItemClass itemClass = null;
        String classText = cell(row, columns, "事项类别");
        if (!classText.isEmpty()) {
            itemClass = ItemClass.fromLabel(classText);
            if (itemClass == null) {
                errors.add(n, "事项类别", "'" + classText + "' is neither 重点检查事项 nor 一般检查事项");
            }
        }
        List<InspectionMethod> methods = new ArrayList<>();
        for (String m : split(cell(row, columns, "检查方式"))) {
            InspectionMethod method = InspectionMethod.fromLabel(m);
            if (method == null) {
                errors.add(n, "检查方式", "'" + abbreviate(m) + "' is not a method: use 实地核查, 书面检查, 网络监测 or 委托检验检测");
            } else {
                methods.add(method);
            }
        }
        BigDecimal ratio = null;
        String ratioText = cell(row, columns, "抽查比例");
        if (!ratioText.isEmpty()) {
            try {
                ratio = ratioText.endsWith("%")
                        ? new BigDecimal(ratioText.substring(0, ratioText.length() - 1).strip()).movePointLeft(2)
                        : new BigDecimal(ratioText);
            } catch (NumberFormatException e) {
                errors.add(n, "抽查比例", "'" + abbreviate(ratioText) + "' is not a ratio like 5% or 0.05");
            }
        }
        Integer frequency = firstNumber(row, columns, "抽查频次", errors);
        Integer team = firstNumber(row, columns, "最少检查人数", errors);
        String code = cell(row, columns, "事项编码");
        if (code.isEmpty() && department != null && !name.isEmpty()) {
            code = codesByName.computeIfAbsent(department, ItemImportService::codesByName)
                    .getOrDefault(name.strip(), derivedCode(department, name));
        }
        String content = cell(row, columns, "抽查内容");
        String tags = cell(row, columns, "专业要求");
        ItemRequest request = new ItemRequest(code, name, cell(row, columns, "抽查类别"), cell(row, columns, "检查对象"),
                department == null ? departmentText : department, basis(cell(row, columns, "检查依据")),
                content.isEmpty() ? name : content, methods, itemClass, ratio, frequency, team,
                tags.isEmpty() ? null : split(tags), emptyToNull(cell(row, columns, "备注")), "imported");
        for (ConstraintViolation<ItemRequest> v : validator.validate(request)) {
            String path = v.getPropertyPath().toString();
            String field = path.contains("[") ? path.substring(0, path.indexOf('['))
                    : path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (field.equals("department") || (field.equals("code") && code.isEmpty())) {
                continue; // already reported as 检查主体, or follows from a missing name/department
            }
            if (field.equals("methods") && !cell(row, columns, "检查方式").isEmpty()) {
                continue; // the unknown method was reported above
            }
            if (field.equals("itemClass") && itemClass == null && !classText.isEmpty()) {
                continue;
            }
            errors.add(n, COLUMN_OF_FIELD.getOrDefault(field, field), v.getMessage());
        }
        return errors.rows.contains(n) ? null : new Parsed(n, request);
    }

    /**
     * The codes of a department's items by name (latest version's name wins): an existing item of the department with
     * the same name keeps its code. One query per department, and a projection, so no entity enters the session.
     */
    private static Map<String, String> codesByName(String department) {
        Map<String, String> codes = new HashMap<>();
        for (Object[] r : InspectionItem.getEntityManager()
                .createQuery("SELECT i.name, i.code FROM InspectionItem i WHERE i.department = ?1 ORDER BY i.version",
                        Object[].class)
                .setParameter(1, department).getResultList()) {
            codes.put((String) r[0], (String) r[1]);
        }
        return codes;
    }

    /** A new item without 事项编码 gets a code derived from department and name: stable across re-imports. */
    private static String derivedCode(String department, String name) {
        return department + "-" + sha256(name.strip().getBytes(StandardCharsets.UTF_8)).substring(0, 8).toUpperCase();
    }

    private static Map<String, InspectionItem> latest(List<String> codes) {
        Map<String, InspectionItem> latest = new HashMap<>();
        for (InspectionItem i : InspectionItem.<InspectionItem>list(
                "FROM InspectionItem i WHERE i.code IN (?1) AND i.version = "
                        + "(SELECT max(j.version) FROM InspectionItem j WHERE j.code = i.code)", codes)) {
            latest.put(i.code, i);
        }
        return latest;
    }

    /** 《农药管理条例》第二十六条；《…》… — one basis per 《title》 or per 第 clause. */
    static List<LegalBasis> basis(String text) {
        List<LegalBasis> result = new ArrayList<>();
        for (String piece : text.split("[；;\\n\\r]+")) {
            String p = piece.strip();
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = BOOK_TITLE.matcher(p);
            if (m.matches()) {
                String article = m.group(2).strip();
                result.add(new LegalBasis(m.group(1).strip(), article.isEmpty() ? null : abbreviate(article, 100)));
            } else {
                int at = p.indexOf('第');
                result.add(at > 0
                        ? new LegalBasis(abbreviate(p.substring(0, at).strip(), 200), abbreviate(p.substring(at), 100))
                        : new LegalBasis(abbreviate(p, 200), null));
            }
        }
        return result;
    }

    private static Integer firstNumber(SheetRow row, Map<String, Integer> columns, String column, Errors errors) {
        String text = cell(row, columns, column);
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = NUMBER.matcher(text);
        if (!m.find() || m.group().length() > 6) {
            errors.add(row.number(), column, "'" + abbreviate(text) + "' holds no whole number");
            return null;
        }
        return Integer.parseInt(m.group());
    }

    private Map<String, String> departmentCodes() {
        Map<String, String> codes = new HashMap<>();
        for (KnownDepartment d : departments.all()) {
            codes.put(d.code, d.code);
            codes.putIfAbsent(d.name, d.code);
        }
        return codes;
    }

    private static String cell(SheetRow row, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        if (i == null || i >= row.cells().size()) {
            return "";
        }
        return clean(row.cells().get(i));
    }

    /** Trims, and undoes the apostrophe our own CSV export puts before formula-like cells. */
    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        String v = s.replace("\uFEFF", "").strip();
        if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0) {
            v = v.substring(1);
        }
        return v;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : text.split("[、,，;；/\\s]+")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return parts;
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 40);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record SheetRow(int number, List<String> cells) {}

    /** One row at a time from a CSV or the first sheet of an XLSX workbook; numbers are 1-based sheet rows. */
    interface RowSource extends AutoCloseable {
        SheetRow next();

        @Override
        void close();
    }

    private static RowSource open(byte[] body, Format format) {
        return format == Format.XLSX ? xlsx(body) : csv(body);
    }

    /** UTF-8 (with or without BOM) or, failing that, GB18030 — what Excel in Chinese saves as "CSV". */
    private static RowSource csv(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            text = new String(body, Charset.forName("GB18030"));
        }
        CsvRecords records = new CsvRecords(new StringReader(text));
        return new RowSource() {
            int number;

            @Override
            public SheetRow next() {
                List<String> cells = records.next();
                return cells == null ? null : new SheetRow(++number, cells);
            }

            @Override
            public void close() {}
        };
    }

    private static RowSource xlsx(byte[] body) {
        ReadableWorkbook wb;
        try {
            wb = new ReadableWorkbook(new ByteArrayInputStream(body));
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", "is not a readable XLSX workbook");
        }
        Stream<Row> stream;
        try {
            stream = wb.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            closeQuietly(wb);
            throw ProblemException.invalid("file", "its first sheet cannot be read");
        }
        Iterator<Row> it = stream.iterator();
        return new RowSource() {
            @Override
            public SheetRow next() {
                try {
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row r = it.next();
                    List<String> cells = new ArrayList<>(r.getCellCount());
                    for (int i = 0; i < r.getCellCount(); i++) {
                        String text = r.getCellText(i);
                        cells.add(text == null ? "" : abbreviate(text, CsvRecords.MAX_CELL));
                    }
                    return new SheetRow(r.getRowNum(), cells);
                } catch (RuntimeException e) {
                    throw ProblemException.invalid("file", "the sheet cannot be read past this point: " + abbreviate(String.valueOf(e.getMessage()), 120));
                }
            }

            @Override
            public void close() {
                stream.close();
                closeQuietly(wb);
            }
        };
    }

    private static void closeQuietly(ReadableWorkbook wb) {
        try {
            wb.close();
        } catch (IOException e) {
            // nothing was written; a failing close of an in-memory workbook loses nothing
        }
    }
}
