package org.shuangsuiji.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.shuangsuiji.catalog.Catalog.FGJ;
import static org.shuangsuiji.catalog.Catalog.PL;
import static org.shuangsuiji.catalog.Catalog.admin;
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
class RuleResourceTest {

    private String dept;

    @BeforeEach
    void departments() {
        Catalog.departments();
        // A department of its own per test, so rule keys never collide between tests.
        dept = Catalog.newCode("YC-T");
        Catalog.department(dept, "阳城县测试局", "COUNTY", "140522", "JC-FGW");
    }

    private String rules(String... overrides) {
        String body = """
                {"department":"%s","ratios":{"A":"0.2","B":"0.3","C":"0.4","D":"0.6"},
                 "windows":[{"from":"03-01","to":"11-30"}],"classANotTwicePerYear":true,
                 "maxInspectionsPerSubjectPerYear":1}""".formatted(dept);
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            body = body.replace(overrides[i], overrides[i + 1]);
        }
        return body;
    }

    private void save(String body, int status) {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                .when().post("/rules").then().statusCode(status);
    }

    private void publish(String path) {
        for (String s : new String[] {"submit", "approve", "publish"}) {
            given().header("Authorization", admin()).when().post("/rules/" + path + "/" + s).then().statusCode(200);
        }
    }

    @Test
    void departmentRulesTakeTheSeedsDefaultsAndArePublishedAsAnEvent() {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(rules())
                .when().post("/rules")
                .then().statusCode(201).header("X-Edit-Outcome", "CREATED")
                .body("key", equalTo(dept)).body("version", equalTo(1)).body("status", equalTo("DRAFT"))
                .body("minimumCount", equalTo(3)).body("inspectWorkingDays", equalTo(5))
                .body("resultEntryWorkingDays", equalTo(20)).body("ratios.C", equalTo("0.4"));
        publish(dept);
        JsonNode event = Catalog.awaitEvent(dept, "catalog.rules.published");
        JsonNode data = event.get("data");
        assertThat(data.get("key").asText()).isEqualTo(dept);
        assertThat(data.get("itemCode").isNull()).isTrue();
        assertThat(data.get("ratios").get("A").asText()).isEqualTo("0.2");
        assertThat(data.get("ratios").get("D").asText()).isEqualTo("0.6");
        assertThat(data.get("minimumCount").asInt()).isEqualTo(3);
        assertThat(data.get("maxInspectionsPerSubjectPerYear").asInt()).isEqualTo(1);
        assertThat(data.get("windows").get(0).get("from").asText()).isEqualTo("03-01");
        assertThat(data.get("windows").get(0).get("to").asText()).isEqualTo("11-30");
        assertThat(data.get("classANotTwicePerYear").asBoolean()).isTrue();
        assertThat(data.get("inspectWorkingDays").asInt()).isEqualTo(5);
        assertThat(data.get("resultEntryWorkingDays").asInt()).isEqualTo(20);

        // A change after publication is the next version; the published one stays in force until it is published.
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(rules("\"D\":\"0.6\"", "\"D\":\"0.8\""))
                .when().post("/rules").then().statusCode(200).header("X-Edit-Outcome", "NEW_VERSION").body("version", equalTo(2));
        given().header("Authorization", planner(FGJ)).when().get("/rules/effective?department=" + dept)
                .then().statusCode(200).body("version", equalTo(1)).body("ratios.D", equalTo("0.6"));
        given().when().get("/public/rules?department=" + dept).then().statusCode(200).body("items.version", hasItem(1));
    }

    @Test
    void itemRulesOverrideTheDepartmentsAndAreKeyedByDepartmentSlashItem() {
        save(rules(), 201);
        publish(dept);
        String code = Catalog.newCode("YC-T");
        Catalog.publishedItem(code, dept, "粮食监督检查");
        save(rules("{\"department\":\"" + dept + "\",", "{\"department\":\"" + dept + "\",\"itemCode\":\"" + code + "\",",
                "\"A\":\"0.2\"", "\"A\":\"0.5\"", "\"B\":\"0.3\"", "\"B\":\"0.5\"", "\"C\":\"0.4\"", "\"C\":\"0.5\""), 201);
        publish(dept + "/items/" + code);
        given().header("Authorization", planner(FGJ)).when().get("/rules/effective?department=" + dept + "&itemCode=" + code)
                .then().statusCode(200).body("key", equalTo(dept + "/" + code)).body("ratios.A", equalTo("0.5"));
        given().header("Authorization", planner(FGJ)).when().get("/rules/effective?department=" + dept + "&itemCode=OTHER")
                .then().statusCode(200).body("key", equalTo(dept)).body("itemCode", nullValue());
        JsonNode event = Catalog.awaitEvent(dept + "/" + code, "catalog.rules.published");
        assertThat(event.get("data").get("itemCode").asText()).isEqualTo(code);
    }

    @Test
    void rejectsRatiosOutsideZeroToOneOrFallingWithRisk() {
        String[][] bad = {
            {"\"A\":\"0.2\"", "\"A\":\"0\"", "ratios.A"},
            {"\"A\":\"0.2\"", "\"A\":0", "ratios.A"},
            {"\"D\":\"0.6\"", "\"D\":\"1.01\"", "ratios.D"},
            {"\"C\":\"0.4\"", "\"C\":\"0.25\"", "ratios.C"},
            {"\"B\":\"0.3\"", "\"B\":\"-0.3\"", "ratios.B"},
            {",\"D\":\"0.6\"", "", "ratios.D"},
        };
        for (String[] b : bad) {
            given().header("Authorization", admin()).contentType(ContentType.JSON).body(rules(b[0], b[1]))
                    .when().post("/rules")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(b[2]));
        }
        given().header("Authorization", admin()).when().get("/rules/" + dept).then().statusCode(404);
    }

    @Test
    void rejectsWindowsThatDoNotParse() {
        String[][] bad = {
            {"\"to\":\"11-30\"", "\"to\":\"02-30\"", "windows[0].to"},
            {"\"from\":\"03-01\"", "\"from\":\"3-1\"", "windows[0].from"},
            {"\"from\":\"03-01\"", "\"from\":\"13-01\"", "windows[0].from"},
            {"\"from\":\"03-01\"", "\"from\":\"12-01\"", "windows[0]"},
            {"\"from\":\"03-01\"", "\"from\":null", "windows[0].from"},
        };
        for (String[] b : bad) {
            given().header("Authorization", admin()).contentType(ContentType.JSON).body(rules(b[0], b[1]))
                    .when().post("/rules")
                    .then().statusCode(400).body("errors.field", hasItem(b[2]));
        }
    }

    @Test
    void rejectsCountsBelowOneAndUnknownDepartmentsOrItems() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(rules("\"classANotTwicePerYear\":true", "\"classANotTwicePerYear\":true,\"minimumCount\":0"))
                .when().post("/rules").then().statusCode(400).body("errors.field", hasItem("minimumCount"));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(rules("\"department\":\"" + dept + "\"", "\"department\":\"NO-SUCH\""))
                .when().post("/rules").then().statusCode(400).body("errors.field", hasItem("department"));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(rules("{\"department\":\"" + dept + "\",", "{\"department\":\"" + dept + "\",\"itemCode\":\"NO-ITEM\","))
                .when().post("/rules").then().statusCode(400).body("errors.field", hasItem("itemCode"));
    }

    @Test
    void plannersOfOtherDepartmentsMayNotWriteRulesAndPlannersDoNotPublish() {
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON).body(rules())
                .when().post("/rules").then().statusCode(403);
        save(rules(), 201);
        given().header("Authorization", admin()).when().post("/rules/" + dept + "/submit").then().statusCode(200);
        given().header("Authorization", reviewer(PL)).when().post("/rules/" + dept + "/approve").then().statusCode(403);
        given().header("Authorization", planner(dept)).when().post("/rules/" + dept + "/approve").then().statusCode(403);
    }
}
