package org.shuangsuiji.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.shuangsuiji.catalog.Catalog.FGJ;
import static org.shuangsuiji.catalog.Catalog.PL;
import static org.shuangsuiji.catalog.Catalog.admin;
import static org.shuangsuiji.catalog.Catalog.planner;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.catalog.Catalog;
import org.shuangsuiji.commons.testing.PlatformTest;

@QuarkusTest
@PlatformTest
class ItemImportTest {

    private static final String HEADER = "序号,抽查类别,抽查事项,检查对象,事项类别,检查方式,检查主体,检查依据";

    private String tag;

    @BeforeEach
    void departments() {
        Catalog.departments();
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    private String list() {
        return HEADER + ",事项编码,抽查比例\r\n"
                + "1,农药监督检查,农药经营监督检查" + tag + ",农药经营者,重点检查事项,实地核查、书面检查,平鲁区农业农村局,"
                + "\"《农药管理条例》第二十六条；《农药经营许可管理办法》第十八条\",,5%\r\n"
                + "2,种子监督检查,种子生产经营监督检查" + tag + ",种子生产经营者,一般,实地核查,PL-NYNCJ,《中华人民共和国种子法》第五十条,"
                + "PL-IMP-" + tag.toUpperCase() + ",0.03\r\n";
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.ValidatableResponse post(String token, String type, byte[] body, String query) {
        return given().header("Authorization", token).contentType(type).body(body)
                .when().post("/items/import" + query).then();
    }

    @Test
    void importStoresEveryRowAsADraftAndReimportingChangesNothing() {
        byte[] csv = list().getBytes(StandardCharsets.UTF_8);
        post(planner(PL), "text/csv", csv, "")
                .statusCode(200).body("rows", equalTo(2)).body("created", equalTo(2)).body("unchanged", equalTo(0))
                .body("items.outcome", everyItem(equalTo("CREATED"))).body("items.row", hasItem(3));
        given().header("Authorization", planner(PL)).when().get("/items/PL-IMP-" + tag.toUpperCase())
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("itemClass", equalTo("GENERAL"))
                .body("defaultRatio", equalTo("0.03")).body("legalBasis[0].law", equalTo("中华人民共和国种子法"))
                .body("legalBasis[0].article", equalTo("第五十条"));
        // Without a 事项编码 column the code is derived from the department and the name, so it is stable.
        String derived = PL + "-" + sha256("农药经营监督检查" + tag).substring(0, 8).toUpperCase();
        given().header("Authorization", planner(PL)).when().get("/items/" + derived)
                .then().body("legalBasis.law", hasItem("农药经营许可管理办法")).body("defaultRatio", equalTo("0.05"))
                .body("methods", hasSize(2)).body("content", equalTo("农药经营监督检查" + tag));

        post(planner(PL), "text/csv", csv, "")
                .statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(2));
        given().header("Authorization", planner(PL)).when().get("/items/" + derived + "/history")
                .then().body("total", equalTo(1));
    }

    @Test
    void dryRunReportsAndStoresNothing() {
        post(planner(PL), "text/csv", list().getBytes(StandardCharsets.UTF_8), "?dryRun=true")
                .statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(2));
        given().header("Authorization", planner(PL)).when().get("/items/PL-IMP-" + tag.toUpperCase()).then().statusCode(404);
    }

    @Test
    void aFileWithWrongColumnsIsOneClearProblem() {
        post(planner(PL), "text/csv", "编号,名称,依据\r\n1,x,y\r\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400).contentType("application/problem+json")
                .body("type", containsString("wrong-columns")).body("errors", hasSize(1))
                .body("errors[0].field", equalTo("header")).body("errors[0].reason", containsString("序号/抽查类别/抽查事项"));
        post(planner(PL), "text/csv", (HEADER + ",颜色\r\n").getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400).body("errors[0].reason", containsString("颜色"));
        post(planner(PL), "text/csv", new byte[0], "").statusCode(400).body("errors.field", hasItem("file"));
    }

    @Test
    void badRowsAreReportedByRowAndColumnAndNothingIsStored() {
        String csv = list()
                + "4,肥料监督检查,肥料监督检查" + tag + ",肥料经营者,重点,实地核查,平鲁区农业农村局,,,\r\n"
                + "5,兽药监督检查,兽药监督检查" + tag + ",兽药经营者,特别,飞行检查,无此部门,《兽药管理条例》,,\r\n"
                + "6,饲料监督检查,饲料监督检查" + tag + ",饲料经营者,一般,实地核查,阳城县发展和改革局,《饲料和饲料添加剂管理条例》,,150%\r\n";
        post(planner(PL), "text/csv", csv.getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("import-rejected"))
                .body("detail", containsString("3 of 5 rows rejected; nothing was stored"))
                .body("errors.field", hasItem("row 4: 检查依据"))
                .body("errors.field", hasItem("row 5: 事项类别"))
                .body("errors.field", hasItem("row 5: 检查方式"))
                .body("errors.field", hasItem("row 5: 检查主体"))
                .body("errors.field", hasItem("row 6: 检查主体"))
                .body("errors.field", hasItem("row 6: 抽查比例"));
        given().header("Authorization", planner(PL)).when().get("/items/PL-IMP-" + tag.toUpperCase()).then().statusCode(404);
    }

    @Test
    void hundredThousandRowsOfGarbageAreCutOffQuickly() {
        StringBuilder b = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < 100_000; i++) {
            b.append(i).append(",@@,").append(UUID.randomUUID()).append(",?,?,?,?,?\r\n");
        }
        long start = System.nanoTime();
        post(admin(), "text/csv", b.toString().getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422).body("type", containsString("too-many-rows"))
                .body("errors[0].field", equalTo("file")).body("errors.size()", lessThanOrEqualTo(201));
        System.out.printf("[import] 100 000 garbage rows rejected in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        post(admin(), "text/csv", "\u0000\u0001garbage\u00ff".getBytes(StandardCharsets.ISO_8859_1), "")
                .statusCode(400).body("errors.field", hasItem("header"));
        post(admin(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK not a zip".getBytes(), "")
                .statusCode(400).body("errors.field", hasItem("file"));
    }

    @Test
    void xlsxInTheSameLayoutImportsLikeCsv() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("清单");
        String[] header = HEADER.split(",");
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        String[] row = {"", "种子监督检查", "农作物种子质量监督检查" + tag, "种子经营者", "重点检查事项", "实地核查、委托检验检测", "PL-NYNCJ",
            "《中华人民共和国种子法》第四十七条"};
        ws.value(1, 0, 1);
        for (int c = 1; c < row.length; c++) {
            ws.value(1, c, row[c]);
        }
        wb.finish();
        post(planner(PL), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray(), "")
                .statusCode(200).body("format", equalTo("XLSX")).body("created", equalTo(1)).body("items[0].row", equalTo(2));
        post(planner(PL), "application/octet-stream", out.toByteArray(), "")
                .statusCode(200).body("unchanged", equalTo(1));
    }

    @Test
    void plannersImportOnlyTheirOwnDepartmentsRows() {
        String csv = HEADER + "\r\n1,粮食监督检查,粮食收购监督检查" + tag + ",粮食收购企业,重点,实地核查," + FGJ + ",《粮食流通管理条例》第三十六条\r\n";
        post(planner(PL), "text/csv", csv.getBytes(StandardCharsets.UTF_8), "")
                .statusCode(422).body("errors.field", hasItem("row 2: 检查主体"));
    }

    @Test
    void aChangedRowAfterPublicationBecomesTheNextVersion() {
        byte[] csv = list().getBytes(StandardCharsets.UTF_8);
        post(planner(PL), "text/csv", csv, "").statusCode(200);
        String code = "PL-IMP-" + tag.toUpperCase();
        for (String s : new String[] {"submit", "approve", "publish"}) {
            given().header("Authorization", admin()).when().post("/items/" + code + "/" + s).then().statusCode(200);
        }
        byte[] changed = list().replace(",0.03", ",0.04").getBytes(StandardCharsets.UTF_8);
        post(planner(PL), "text/csv", changed, "")
                .statusCode(200).body("newVersions", equalTo(1)).body("unchanged", equalTo(1));
        given().header("Authorization", planner(PL)).when().get("/items/" + code)
                .then().body("version", equalTo(2)).body("defaultRatio", equalTo("0.04"));
        given().header("Authorization", planner(PL)).when().get("/items/" + code + "@1")
                .then().body("status", equalTo("PUBLISHED")).body("defaultRatio", equalTo("0.03"));
        assertThat(code).isNotBlank();
    }
}
