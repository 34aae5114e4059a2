package org.shuangsuiji.catalog.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes the public lists as CSV (RFC 4180, UTF-8 with BOM for Excel) or XLSX (fastexcel, streamed). */
public final class Tables {

    /** 随机抽查事项清单: the column layout of the provinces' published lists. */
    public static final List<String> ITEM_COLUMNS =
            List.of("序号", "抽查类别", "抽查事项", "检查对象", "事项类别", "检查方式", "检查主体", "检查依据");
    /** 部门联合抽查事项清单. */
    public static final List<String> JOINT_COLUMNS = List.of("序号", "抽查领域", "抽查事项", "检查对象", "发起部门", "配合部门");

    private Tables() {}

    public static void csv(OutputStream out, List<String> header, List<List<String>> rows) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            line(w, header);
            for (List<String> row : rows) {
                line(w, row);
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void xlsx(OutputStream out, String sheetName, List<String> header, List<List<String>> rows) {
        try {
            Workbook wb = new Workbook(out, "catalog-service", "1.0");
            Worksheet ws = wb.newWorksheet(sheetName);
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
                ws.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    String v = row.get(c);
                    if (c == 0 && v.chars().allMatch(Character::isDigit) && !v.isEmpty()) {
                        ws.value(r + 1, c, Integer.parseInt(v)); // 序号 as a number, as Excel users expect
                    } else if (v != null) {
                        ws.value(r + 1, c, v);
                    }
                }
                if (r % 1000 == 999) {
                    ws.flush();
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /**
     * RFC 4180 quoting; a cell a spreadsheet would read as a formula (starting with = + - @, tab or CR) gets a leading
     * apostrophe, so that opening a downloaded list never runs anything (CSV injection).
     */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
