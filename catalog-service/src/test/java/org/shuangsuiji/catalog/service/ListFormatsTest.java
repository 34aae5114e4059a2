package org.shuangsuiji.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.catalog.domain.InspectionMethod;
import org.shuangsuiji.catalog.domain.ItemClass;
import org.shuangsuiji.catalog.domain.LegalBasis;

/** The pure parts of lists and imports: CSV quoting both ways, formula neutralisation, basis and label parsing. */
class ListFormatsTest {

    private static List<List<String>> records(String csv) {
        CsvRecords r = new CsvRecords(new StringReader(csv));
        List<List<String>> all = new ArrayList<>();
        List<String> next;
        while ((next = r.next()) != null) {
            all.add(next);
        }
        return all;
    }

    @Test
    void csvRecordsHandleQuotesCommasAndLineBreaksInsideCells() {
        assertThat(records("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n"))
                .containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("1", "two\nlines", "3"));
        assertThat(records("x,y")).containsExactly(List.of("x", "y"));
        assertThat(records("")).isEmpty();
    }

    @Test
    void csvCellsThatLookLikeFormulasAreNeutralised() {
        assertThat(Tables.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(Tables.cell("+86")).isEqualTo("'+86");
        assertThat(Tables.cell("-x")).isEqualTo("'-x");
        assertThat(Tables.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Tables.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Tables.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Tables.cell("农药经营监督检查")).isEqualTo("农药经营监督检查");
    }

    @Test
    void basesAreReadInTheWayPublishedListsCiteThem() {
        assertThat(ItemImportService.basis("《农药管理条例》第二十六条；《农药经营许可管理办法》"))
                .containsExactly(new LegalBasis("农药管理条例", "第二十六条"), new LegalBasis("农药经营许可管理办法", null));
        assertThat(ItemImportService.basis("中华人民共和国种子法第五十条\n"))
                .containsExactly(new LegalBasis("中华人民共和国种子法", "第五十条"));
        assertThat(ItemImportService.basis("  ")).isEmpty();
        assertThat(Handbook.basis(new LegalBasis("农药管理条例", "第二十六条"))).isEqualTo("《农药管理条例》第二十六条");
        assertThat(Handbook.basis(new LegalBasis("《饲料质量安全管理规范》", null))).isEqualTo("《饲料质量安全管理规范》");
    }

    @Test
    void labelsOfPublishedListsMapToCodeNames() {
        assertThat(InspectionMethod.fromLabel("实地核查")).isEqualTo(InspectionMethod.ON_SITE);
        assertThat(InspectionMethod.fromLabel("网络检测")).isEqualTo(InspectionMethod.ONLINE_MONITORING);
        assertThat(InspectionMethod.fromLabel("财务审计")).isEqualTo(InspectionMethod.COMMISSIONED_TESTING);
        assertThat(InspectionMethod.fromLabel("飞行检查")).isNull();
        assertThat(ItemClass.fromLabel("重点检查事项")).isEqualTo(ItemClass.KEY);
        assertThat(ItemClass.fromLabel("一般")).isEqualTo(ItemClass.GENERAL);
        assertThat(ItemClass.fromLabel("特别")).isNull();
        assertThat(PublicListService.trimDivision("140500")).isEqualTo("1405");
        assertThat(PublicListService.trimDivision("140000")).isEqualTo("14");
        assertThat(PublicListService.trimDivision("140522")).isEqualTo("140522");
    }
}
