package org.shuangsuiji.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.shuangsuiji.catalog.Catalog.FGJ;
import static org.shuangsuiji.catalog.Catalog.PL;
import static org.shuangsuiji.catalog.Catalog.admin;
import static org.shuangsuiji.catalog.Catalog.newCode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.catalog.Catalog;
import org.shuangsuiji.commons.testing.PlatformTest;

/** The public lists need no token and show only current published versions. */
@QuarkusTest
@PlatformTest
class PublicListTest {

    private String published;
    private String draft;
    private String formula;

    @BeforeEach
    void items() {
        Catalog.departments();
        published = newCode("PL-NY");
        draft = newCode("PL-NY");
        formula = newCode("YC-FG");
        Catalog.publishedItem(published, PL, "饲料监督检查", "itemClass", "\"GENERAL\"",
                "legalBasis", "[{\"law\":\"饲料和饲料添加剂管理条例\",\"article\":\"第三十三条\"},{\"law\":\"《饲料质量安全管理规范》\"}]");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Catalog.item(draft, PL, "草稿事项"))
                .when().post("/items").then().statusCode(201);
        Catalog.publishedItem(formula, FGJ, "=HYPERLINK(\"http://evil\")", "objectDescription", "\"@SUM(A1)\"");
    }

    @Test
    void publishedItemsOfADepartmentWithoutAToken() {
        given().when().get("/public/items?department=" + PL + "&size=200")
                .then().statusCode(200)
                .body("items.code", hasItem(published)).body("items.code", not(hasItem(draft)))
                .body("items.code", not(hasItem(formula)))
                .body("items.find { it.code == '" + published + "' }.departmentName", equalTo("平鲁区农业农村局"))
                .body("items.find { it.code == '" + published + "' }.itemClass", equalTo("一般检查事项"))
                .body("items.find { it.code == '" + published + "' }.methods", equalTo("实地核查、书面检查"))
                .body("items.find { it.code == '" + published + "' }.legalBasis",
                        equalTo("《饲料和饲料添加剂管理条例》第三十三条；《饲料质量安全管理规范》"));
        given().when().get("/public/items/" + published).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().when().get("/public/items/" + draft).then().statusCode(404);
    }

    @Test
    void regionFilterTakesTheDepartmentsDivisionFromTheReadModel() {
        given().when().get("/public/items?division=140522&size=200")
                .then().statusCode(200).body("items.code", hasItem(formula)).body("items.code", not(hasItem(published)));
        given().when().get("/public/items?division=140600&size=200")
                .then().statusCode(200).body("items.code", hasItem(published)).body("items.code", not(hasItem(formula)));
        given().when().get("/public/items?division=14&size=200")
                .then().statusCode(200).body("items.code", hasItem(published)).body("items.code", hasItem(formula));
        given().when().get("/public/items?division=abc").then().statusCode(400).body("errors.field", hasItem("division"));
        given().when().get("/public/items?format=pdf").then().statusCode(400).body("errors.field", hasItem("format"));
    }

    @Test
    void csvDownloadHasTheProvincialColumnsAndNeutralisesFormulas() {
        String csv = given().when().get("/public/items?format=csv&division=140522")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"inspection-items.csv\""))
                .extract().asString();
        assertThat(csv).startsWith("\uFEFF序号,抽查类别,抽查事项,检查对象,事项类别,检查方式,检查主体,检查依据\r\n");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\",'@SUM(A1),重点检查事项,实地核查、书面检查,阳城县发展和改革局,"
                + "《农药管理条例》第二十六条");
        assertThat(csv).doesNotContain(",=HYPERLINK").doesNotContain(",@SUM");
    }

    @Test
    void xlsxDownloadOpensWithTheSameColumns() throws Exception {
        byte[] xlsx = given().when().get("/public/items?format=xlsx&department=" + PL)
                .then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .extract().asByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                Stream<Row> stream = wb.getFirstSheet().openStream()) {
            stream.forEach(r -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(r.getCellText(i));
                }
                rows.add(cells);
            });
        }
        assertThat(rows.get(0)).containsExactly("序号", "抽查类别", "抽查事项", "检查对象", "事项类别", "检查方式", "检查主体", "检查依据");
        assertThat(rows.get(1).get(0)).isEqualTo("1");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("饲料监督检查", "平鲁区农业农村局"));
    }

    @Test
    void departmentsKnownFromRosterArePublic() {
        given().when().get("/public/departments?size=200")
                .then().statusCode(200).body("items.code", hasItem(PL));
        given().when().get("/public/departments/" + FGJ)
                .then().statusCode(200).body("divisionCode", equalTo("140522")).body("name", equalTo("阳城县发展和改革局"));
    }
}
