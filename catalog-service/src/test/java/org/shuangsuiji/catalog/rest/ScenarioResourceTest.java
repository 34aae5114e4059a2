package org.shuangsuiji.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.shuangsuiji.catalog.Catalog.FGJ;
import static org.shuangsuiji.catalog.Catalog.PL;
import static org.shuangsuiji.catalog.Catalog.SCJ;
import static org.shuangsuiji.catalog.Catalog.admin;
import static org.shuangsuiji.catalog.Catalog.newCode;
import static org.shuangsuiji.catalog.Catalog.planner;
import static org.shuangsuiji.catalog.Catalog.reviewer;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.catalog.Catalog;
import org.shuangsuiji.commons.testing.PlatformTest;

@QuarkusTest
@PlatformTest
class ScenarioResourceTest {

    private String grain;
    private String registration;
    private String meters;

    @BeforeEach
    void items() {
        Catalog.departments();
        grain = newCode("YC-FG");
        registration = newCode("YC-SC");
        meters = newCode("YC-SC");
        Catalog.publishedItem(grain, FGJ, "粮食收购、储存、运输活动监督检查", "minTeamSize", "2", "requiredTags", "[\"GRAIN\"]");
        Catalog.publishedItem(registration, SCJ, "登记事项检查", "methods", "[\"DOCUMENTARY\"]");
        Catalog.publishedItem(meters, SCJ, "在用计量器具监督检查", "minTeamSize", "3", "requiredTags", "[\"METROLOGY\"]",
                "methods", "[\"COMMISSIONED_TESTING\"]");
    }

    private String scenario(String code, String... itemRefs) {
        StringBuilder items = new StringBuilder();
        for (String ref : itemRefs) {
            items.append(items.isEmpty() ? "" : ",").append(ref);
        }
        return """
                {"code":"%s","name":"粮食收购企业","industryCode":"F5111","leadDepartment":"%s",
                 "cooperatingDepartments":["%s"],"items":[%s]}""".formatted(code, FGJ, SCJ, items);
    }

    private static String ref(String code) {
        return "{\"itemCode\":\"" + code + "\"}";
    }

    private static void step(String token, String code, String action, int status) {
        given().header("Authorization", token).when().post("/scenarios/" + code + "/" + action).then().statusCode(status);
    }

    private void publish(String code) {
        given().header("Authorization", planner(FGJ)).contentType(ContentType.JSON)
                .body(scenario(code, ref(grain), ref(registration), ref(meters)))
                .when().post("/scenarios").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("items.itemVersion", contains(1, 1, 1))
                .body("items.department", contains(FGJ, SCJ, SCJ));
        step(planner(FGJ), code, "submit", 200);
        step(reviewer(FGJ), code, "approve", 200);
        step(reviewer(FGJ), code, "publish", 200);
    }

    @Test
    void publishedScenarioEmitsItsPinnedItemVersions() {
        String code = newCode("YC-LH");
        publish(code);
        JsonNode event = Catalog.awaitEvent(code, "catalog.scenario.published");
        JsonNode data = event.get("data");
        assertThat(data.get("version").asInt()).isEqualTo(1);
        assertThat(data.get("industryCode").asText()).isEqualTo("F5111");
        assertThat(data.get("leadDepartment").asText()).isEqualTo(FGJ);
        assertThat(data.get("cooperatingDepartments").get(0).asText()).isEqualTo(SCJ);
        assertThat(data.get("items")).hasSize(3);
        assertThat(data.get("items").get(1).get("department").asText()).isEqualTo(SCJ);
        assertThat(data.get("items").get(1).get("itemCode").asText()).isEqualTo(registration);
        assertThat(data.get("items").get(1).get("itemVersion").asInt()).isEqualTo(1);
        assertThat(data.get("publishedBy").asText()).isEqualTo("reviewer-" + FGJ);

        step(reviewer(FGJ), code, "retire", 200);
        JsonNode retired = Catalog.awaitEvent(code, "catalog.scenario.retired");
        assertThat(retired.get("data").get("version").asInt()).isEqualTo(1);
    }

    @Test
    void checklistMergesEveryDepartmentsItemsForOneVisit() {
        String code = newCode("YC-LH");
        publish(code);
        given().header("Authorization", Catalog.as("insp", "inspector", SCJ)).when().get("/scenarios/" + code + "/checklist")
                .then().statusCode(200)
                .body("scenario", equalTo(code + "@1"))
                .body("itemCount", equalTo(3))
                .body("minTeamSize", equalTo(3))
                .body("requiredTags", contains("GRAIN", "METROLOGY"))
                .body("methods", contains("ON_SITE", "DOCUMENTARY", "COMMISSIONED_TESTING"))
                .body("leadDepartment.name", equalTo("阳城县发展和改革局"))
                .body("sections.role", contains("LEAD", "COOPERATING"))
                .body("sections[1].departmentName", equalTo("阳城县市场监督管理局"))
                .body("sections[1].items.ref", contains(registration + "@1", meters + "@1"));
    }

    @Test
    void handbookIsPublicAsMarkdownHtmlAndJson() {
        String code = newCode("YC-LH");
        publish(code);
        String md = given().when().get("/public/scenarios/" + code + "/handbook")
                .then().statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
        assertThat(md).startsWith("# 粮食收购企业 合规手册").contains("登记事项检查").contains("《农药管理条例》第二十六条")
                .contains("发起部门").contains("阳城县市场监督管理局");
        given().when().get("/public/scenarios/" + code + "/handbook?format=html")
                .then().statusCode(200).contentType(startsWith("text/html")).body(containsString("<h1>粮食收购企业 合规手册"));
        given().when().get("/public/scenarios/" + code + "/handbook?format=json")
                .then().statusCode(200).body("itemCount", equalTo(3));
        given().when().get("/public/scenarios/" + code + "/handbook?format=pdf")
                .then().statusCode(400).body("errors.field", hasItem("format"));
    }

    @Test
    void jointListIsPublicWithTheProvincialColumns() {
        String code = newCode("YC-LH");
        publish(code);
        given().when().get("/public/joint-items?department=" + SCJ + "&size=200")
                .then().statusCode(200)
                .body("items.findAll { it.scenario == '" + code + "@1' }.itemName",
                        contains("粮食收购、储存、运输活动监督检查", "登记事项检查", "在用计量器具监督检查"))
                .body("items.find { it.scenario == '" + code + "@1' }.leadDepartment", equalTo("阳城县发展和改革局"))
                .body("items.find { it.scenario == '" + code + "@1' }.cooperatingDepartments", equalTo("阳城县市场监督管理局"));
        String csv = given().when().get("/public/joint-items?format=csv&division=140522")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("\uFEFF序号,抽查领域,抽查事项,检查对象,发起部门,配合部门\r\n").contains("粮食收购企业,登记事项检查");
    }

    @Test
    void aScenarioMayOnlyBringPublishedItemsOfItsDepartments() {
        String draft = newCode("YC-SC");
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Catalog.item(draft, SCJ, "专利真实性监督检查")).when().post("/items").then().statusCode(201);
        given().header("Authorization", planner(FGJ)).contentType(ContentType.JSON)
                .body(scenario(newCode("YC-LH"), ref(grain), ref(draft)))
                .when().post("/scenarios")
                .then().statusCode(400).body("errors.field", hasItem("items[1].itemCode"));
        given().header("Authorization", planner(FGJ)).contentType(ContentType.JSON)
                .body(scenario(newCode("YC-LH"), ref(grain), "{\"itemCode\":\"" + draft + "\",\"itemVersion\":1}"))
                .when().post("/scenarios")
                .then().statusCode(422).body("errors.field", hasItem("items[1].itemVersion"));

        String pl = newCode("PL-NY");
        Catalog.publishedItem(pl, PL, "农药经营监督检查");
        given().header("Authorization", planner(FGJ)).contentType(ContentType.JSON)
                .body(scenario(newCode("YC-LH"), ref(grain), ref(registration), ref(pl)))
                .when().post("/scenarios")
                .then().statusCode(400).body("errors.field", hasItem("items[2].itemCode"))
                .body("detail", containsString("neither the lead nor a cooperating department"));
        given().header("Authorization", planner(FGJ)).contentType(ContentType.JSON)
                .body(scenario(newCode("YC-LH"), ref(grain)))
                .when().post("/scenarios")
                .then().statusCode(400).body("errors.field", hasItem("cooperatingDepartments[0]"));
        given().header("Authorization", planner(FGJ)).contentType(ContentType.JSON)
                .body(scenario(newCode("YC-LH"), ref(grain), ref(registration)).replace("\"" + SCJ + "\"]", "\"NO-SUCH\"]"))
                .when().post("/scenarios")
                .then().statusCode(400).body("errors.field", hasItem("cooperatingDepartments[0]"));
    }

    @Test
    void onlyTheLeadDepartmentEditsAndReviews() {
        given().header("Authorization", planner(SCJ)).contentType(ContentType.JSON)
                .body(scenario(newCode("YC-LH"), ref(grain), ref(registration)))
                .when().post("/scenarios").then().statusCode(403);
        String code = newCode("YC-LH");
        given().header("Authorization", planner(FGJ)).contentType(ContentType.JSON)
                .body(scenario(code, ref(grain), ref(registration)))
                .when().post("/scenarios").then().statusCode(201);
        step(planner(FGJ), code, "submit", 200);
        step(reviewer(SCJ), code, "approve", 403);
    }

    @Test
    void aScenarioWhoseItemWasSupersededCannotBePublishedUntilEdited() {
        String code = newCode("YC-LH");
        given().header("Authorization", planner(FGJ)).contentType(ContentType.JSON)
                .body(scenario(code, ref(grain), ref(registration)))
                .when().post("/scenarios").then().statusCode(201);
        step(planner(FGJ), code, "submit", 200);
        step(reviewer(FGJ), code, "approve", 200);
        // 市场监管局 publishes version 2 of its item meanwhile.
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Catalog.item(registration, SCJ, "登记事项检查（2024版）", "methods", "[\"DOCUMENTARY\"]"))
                .when().put("/items/" + registration).then().statusCode(200);
        for (String s : new String[] {"submit", "approve", "publish"}) {
            given().header("Authorization", admin()).when().post("/items/" + registration + "/" + s).then().statusCode(200);
        }
        given().header("Authorization", reviewer(FGJ)).when().post("/scenarios/" + code + "/publish")
                .then().statusCode(422).body("errors.field", hasItem("items[1]"));
    }
}
