package org.shuangsuiji.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.shuangsuiji.catalog.Catalog.FGJ;
import static org.shuangsuiji.catalog.Catalog.PL;
import static org.shuangsuiji.catalog.Catalog.SWJ;
import static org.shuangsuiji.catalog.Catalog.admin;
import static org.shuangsuiji.catalog.Catalog.item;
import static org.shuangsuiji.catalog.Catalog.newCode;
import static org.shuangsuiji.catalog.Catalog.planner;
import static org.shuangsuiji.catalog.Catalog.reviewer;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.catalog.Catalog;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.commons.testing.Tokens;

@QuarkusTest
@PlatformTest
class ItemResourceTest {

    @BeforeEach
    void departments() {
        Catalog.departments();
    }

    private static void create(String token, String body) {
        given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/items").then().statusCode(201);
    }

    private static void step(String token, String code, String action, int status) {
        given().header("Authorization", token).when().post("/items/" + code + "/" + action).then().statusCode(status);
    }

    private static void reviewAndPublish(String code) {
        step(planner(PL), code, "submit", 200);
        step(reviewer(PL), code, "approve", 200);
        step(reviewer(PL), code, "publish", 200);
    }

    @Test
    void newItemIsADraftWithTheSeedsDefaults() {
        String code = newCode("PL-NY");
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON).body(item(code, PL, "农药经营监督检查"))
                .when().post("/items")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("version", equalTo(1)).body("ref", equalTo(code + "@1"))
                .body("defaultRatio", equalTo("0.05")).body("minTeamSize", equalTo(2)).body("frequency", equalTo(1))
                .body("methods", contains("ON_SITE", "DOCUMENTARY")).body("createdBy", equalTo("planner-" + PL));
    }

    @Test
    void reviewedItemIsPublishedWithTheWholeVersionAsACloudEvent() {
        String code = newCode("PL-NY");
        create(planner(PL), item(code, PL, "农药经营监督检查", "defaultRatio", "\"0.1\"", "minTeamSize", "3",
                "requiredTags", "[\"PESTICIDE\"]", "frequency", "2", "remarks", "\"示例数据\""));
        step(planner(PL), code, "submit", 200);
        given().header("Authorization", reviewer(PL)).contentType(ContentType.JSON).body("{\"comment\":\"法规科审核通过\"}")
                .when().post("/items/" + code + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        given().header("Authorization", reviewer(PL)).when().post("/items/" + code + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("publishedBy", equalTo("reviewer-" + PL));

        JsonNode event = Catalog.awaitEvent(code, "catalog.item.published");
        assertThat(event.get("source").asText()).isEqualTo("/catalog-service");
        assertThat(event.get("subject").asText()).isEqualTo(code);
        assertThat(event.get("dataschemaversion").asInt()).isEqualTo(1);
        JsonNode data = event.get("data");
        assertThat(data.get("version").asInt()).isEqualTo(1);
        assertThat(data.get("name").asText()).isEqualTo("农药经营监督检查");
        assertThat(data.get("category").asText()).isEqualTo("农药监督检查");
        assertThat(data.get("objectDescription").asText()).isEqualTo("农药经营者");
        assertThat(data.get("department").asText()).isEqualTo(PL);
        assertThat(data.get("legalBasis").get(0).get("law").asText()).isEqualTo("农药管理条例");
        assertThat(data.get("legalBasis").get(0).get("article").asText()).isEqualTo("第二十六条");
        assertThat(data.get("methods").toString()).isEqualTo("[\"ON_SITE\",\"DOCUMENTARY\"]");
        assertThat(data.get("itemClass").asText()).isEqualTo("KEY");
        assertThat(data.get("defaultRatio").asText()).isEqualTo("0.1");
        assertThat(data.get("defaultRatio").isTextual()).isTrue();
        assertThat(data.get("frequency").asInt()).isEqualTo(2);
        assertThat(data.get("minTeamSize").asInt()).isEqualTo(3);
        assertThat(data.get("requiredTags").get(0).asText()).isEqualTo("PESTICIDE");
        assertThat(data.get("remarks").asText()).isEqualTo("示例数据");
        assertThat(data.get("publishedBy").asText()).isEqualTo("reviewer-" + PL);
        assertThat(data.has("publishedAt")).isTrue();
    }

    @Test
    void editingAPublishedItemOpensTheNextVersionAndKeepsTheOldOneReadable() {
        String code = newCode("PL-NY");
        create(planner(PL), item(code, PL, "种子监督检查"));
        reviewAndPublish(code);

        given().header("Authorization", planner(PL)).contentType(ContentType.JSON)
                .body(item(code, PL, "种子生产经营监督检查", "comment", "\"名称调整\""))
                .when().put("/items/" + code)
                .then().statusCode(200).header("X-Edit-Outcome", "NEW_VERSION")
                .body("version", equalTo(2)).body("status", equalTo("DRAFT"));
        // The published version is untouched and still what plans use.
        given().header("Authorization", planner(PL)).when().get("/items/" + code + "@1")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("name", equalTo("种子监督检查"));
        // Editing the draft again changes the draft in place; writing the same content changes nothing.
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON)
                .body(item(code, PL, "种子生产经营监督检查", "minTeamSize", "3"))
                .when().put("/items/" + code).then().statusCode(200).header("X-Edit-Outcome", "UPDATED").body("version", equalTo(2));
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON)
                .body(item(code, PL, "种子生产经营监督检查", "minTeamSize", "3"))
                .when().put("/items/" + code).then().statusCode(200).header("X-Edit-Outcome", "UNCHANGED");

        reviewAndPublish(code);
        given().header("Authorization", planner(PL)).when().get("/items/" + code + "/versions/1")
                .then().statusCode(200).body("status", equalTo("SUPERSEDED")).body("name", equalTo("种子监督检查"));
        given().header("Authorization", planner(PL)).when().get("/items/" + code)
                .then().statusCode(200).body("version", equalTo(2)).body("status", equalTo("PUBLISHED"));
        given().header("Authorization", planner(PL)).when().get("/items/" + code + "/versions")
                .then().statusCode(200).body("total", equalTo(2)).body("items.status", contains("SUPERSEDED", "PUBLISHED"));
        given().header("Authorization", Tokens.bearer(Tokens.of("auditor", Set.of(Roles.AUDITOR))))
                .when().get("/items/" + code + "/history")
                .then().statusCode(200)
                .body("items.action", contains("CREATE", "SUBMIT", "APPROVE", "PUBLISH", "NEW_VERSION", "EDIT", "SUBMIT",
                        "APPROVE", "PUBLISH", "SUPERSEDE"))
                .body("items[4].comment", equalTo("名称调整"))
                .body("items[2].actor", equalTo("reviewer-" + PL))
                .body("items[9].version", equalTo(1));
        JsonNode v2 = Catalog.awaitEvent(code, "catalog.item.published");
        assertThat(v2).isNotNull();
    }

    @Test
    void retiringThePublishedVersionEmitsItemRetired() {
        String code = newCode("PL-NY");
        create(planner(PL), item(code, PL, "兽药监督检查"));
        reviewAndPublish(code);
        given().header("Authorization", reviewer(PL)).queryParam("comment", "职能调整")
                .when().post("/items/" + code + "/retire")
                .then().statusCode(200).body("status", equalTo("RETIRED")).body("retiredBy", equalTo("reviewer-" + PL));
        JsonNode event = Catalog.awaitEvent(code, "catalog.item.retired");
        assertThat(event.get("data").get("version").asInt()).isEqualTo(1);
        assertThat(event.get("data").get("retiredBy").asText()).isEqualTo("reviewer-" + PL);
        assertThat(event.get("data").has("retiredAt")).isTrue();
        step(reviewer(PL), code, "retire", 409);
    }

    @Test
    void aDraftCannotBePublishedWithoutReview() {
        String code = newCode("PL-NY");
        create(planner(PL), item(code, PL, "饲料监督检查"));
        given().header("Authorization", reviewer(PL)).when().post("/items/" + code + "/publish")
                .then().statusCode(409).contentType("application/problem+json").body("type", containsString("wrong-status"));
        step(reviewer(PL), code, "approve", 409);
    }

    @Test
    void whoeverSubmittedMayNotApproveTheSameVersion() {
        String code = newCode("PL-NY");
        String both = Tokens.bearer(Tokens.of("zhang", Set.of(Roles.PLANNER, Roles.REVIEWER), PL, "140603"));
        create(both, item(code, PL, "肥料监督检查"));
        step(both, code, "submit", 200);
        given().header("Authorization", both).when().post("/items/" + code + "/approve")
                .then().statusCode(422).body("type", containsString("four-eyes"));
        step(reviewer(PL), code, "approve", 200);
    }

    @Test
    void reviewersReviewOnlyTheirOwnDepartmentAndPlannersDoNotReview() {
        String code = newCode("PL-NY");
        create(planner(PL), item(code, PL, "农产品质量安全监督检查"));
        step(planner(PL), code, "submit", 200);
        step(reviewer(FGJ), code, "approve", 403);
        step(planner(PL), code, "approve", 403);
        step(reviewer(PL), code, "submit", 403);
    }

    @Test
    void aRejectedVersionGoesBackToDraftWithTheReason() {
        String code = newCode("PL-NY");
        create(planner(PL), item(code, PL, "兽药经营监督检查"));
        step(planner(PL), code, "submit", 200);
        given().header("Authorization", reviewer(PL)).when().post("/items/" + code + "/reject")
                .then().statusCode(400).body("errors.field", hasItem("comment"));
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON).body(item(code, PL, "改名"))
                .when().put("/items/" + code).then().statusCode(409).body("type", containsString("under-review"));
        given().header("Authorization", reviewer(PL)).contentType(ContentType.JSON).body("{\"comment\":\"依据条款有误\"}")
                .when().post("/items/" + code + "/reject").then().statusCode(200).body("status", equalTo("DRAFT"));
        given().header("Authorization", planner(PL)).when().get("/items/" + code + "/history")
                .then().body("items[-1].action", equalTo("REJECT")).body("items[-1].comment", equalTo("依据条款有误"));
    }

    @Test
    void platformAdminActsForADepartmentWithoutPlannerOrReviewer() {
        String code = newCode("YC-SW");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(item(code, SWJ, "取水许可监督检查"))
                .when().post("/items").then().statusCode(201).body("createdBy", equalTo("admin"));
        for (String s : new String[] {"submit", "approve", "publish"}) {
            step(admin(), code, s, 200);
        }
    }

    @Test
    void rejectsAnUnknownDepartmentNamingTheField() {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(item(newCode("XX"), "NO-SUCH-DEPT", "x"))
                .when().post("/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("department")).body("detail", containsString("roster"));
    }

    @Test
    void rejectsTeamSizeBelowTwo() {
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON)
                .body(item(newCode("PL-NY"), PL, "x", "minTeamSize", "1"))
                .when().post("/items")
                .then().statusCode(400).body("errors.field", hasItem("minTeamSize"));
    }

    @Test
    void rejectsRatiosOutsideZeroToOne() {
        for (String ratio : new String[] {"0", "\"0\"", "1.5", "-0.1", "0.00001"}) {
            given().header("Authorization", planner(PL)).contentType(ContentType.JSON)
                    .body(item(newCode("PL-NY"), PL, "x", "defaultRatio", ratio))
                    .when().post("/items")
                    .then().statusCode(400).body("errors.field", hasItem("defaultRatio"));
        }
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON)
                .body(item(newCode("PL-NY"), PL, "x", "defaultRatio", "1"))
                .when().post("/items").then().statusCode(201).body("defaultRatio", equalTo("1"));
    }

    @Test
    void rejectsItemWithoutLegalBasisNamingTheField() {
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON)
                .body(item(newCode("PL-NY"), PL, "x", "legalBasis", "[]"))
                .when().post("/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("legalBasis"))
                .body("detail", not(containsString("Exception")));
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON)
                .body(item(newCode("PL-NY"), PL, "x", "legalBasis", "[{\"law\":\"\"}]"))
                .when().post("/items")
                // platform-commons renders a container element's index after the property: accept both spellings.
                .then().statusCode(400).body("errors.field", hasItem(anyOf(equalTo("legalBasis[0].law"), equalTo("legalBasis.law[0]"))));
    }

    @Test
    void rejectsUnknownMethodsAndClasses() {
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON)
                .body(item(newCode("PL-NY"), PL, "x", "methods", "[\"TELEPATHY\"]"))
                .when().post("/items").then().statusCode(400).body("errors.field", hasItem("methods[0]"));
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON)
                .body(item(newCode("PL-NY"), PL, "x", "itemClass", null))
                .when().post("/items").then().statusCode(400).body("errors.field", hasItem("itemClass"));
    }

    @Test
    void rejectsMalformedJsonWith400Problem() {
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON).body("{\"code\": \"A\", ")
                .when().post("/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("malformed-json"));
    }

    @Test
    void rejectsWrongJsonTypeNamingTheField() {
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON)
                .body(item(newCode("PL-NY"), PL, "x", "legalBasis", "\"none\""))
                .when().post("/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("legalBasis"));
    }

    @Test
    void rejectsOversizeBodyWith413Problem() throws Exception {
        // Only the headers are sent: the service must refuse on the declared length without reading 11 MB.
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + planner(PL) + "\r\nContent-Length: " + (11 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            java.io.InputStream in = socket.getInputStream();
            int b;
            while (!received.toString(java.nio.charset.StandardCharsets.UTF_8).endsWith("}") && (b = in.read()) >= 0) {
                received.write(b);
            }
            String response = received.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).containsIgnoringCase("content-type: application/problem+json");
        }
    }

    @Test
    void rejectsDuplicateCodeAndKeepsTheFirstItem() {
        String code = newCode("PL-NY");
        create(planner(PL), item(code, PL, "农药经营监督检查"));
        given().header("Authorization", planner(PL)).contentType(ContentType.JSON).body(item(code, PL, "changed"))
                .when().post("/items")
                .then().statusCode(409).contentType("application/problem+json").body("type", containsString("duplicate-code"));
        given().header("Authorization", planner(PL)).when().get("/items/" + code)
                .then().statusCode(200).body("name", equalTo("农药经营监督检查"));
    }

    @Test
    void inspectorMayNotCreateItems() {
        given().header("Authorization", Catalog.as("insp", Roles.INSPECTOR, PL))
                .contentType(ContentType.JSON).body(item(newCode("PL-NY"), PL, "x"))
                .when().post("/items")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void plannerMayNotCreateOrEditItemsOfAnotherDepartment() {
        given().header("Authorization", planner(FGJ)).contentType(ContentType.JSON).body(item(newCode("PL-NY"), PL, "x"))
                .when().post("/items")
                .then().statusCode(403).contentType("application/problem+json");
        String code = newCode("PL-NY");
        create(planner(PL), item(code, PL, "x"));
        given().header("Authorization", planner(FGJ)).contentType(ContentType.JSON).body(item(code, PL, "y"))
                .when().put("/items/" + code).then().statusCode(403);
        step(planner(FGJ), code, "submit", 403);
    }

    @Test
    void unknownItemsAndVersionsAre404() {
        given().header("Authorization", planner(PL)).when().get("/items/NOPE-404").then().statusCode(404);
        given().header("Authorization", planner(PL)).when().get("/items/NOPE-404@3").then().statusCode(404);
        given().header("Authorization", planner(PL)).when().get("/items/NOPE@x").then().statusCode(400)
                .body("errors.field", hasItem("version"));
    }

    @Test
    void pageSizeAboveTheCapIsRejected() {
        given().header("Authorization", planner(PL)).when().get("/items?size=1000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void listsShowTheLatestVersionPerCodeInPagedEnvelopes() {
        String code = newCode("PL-NY");
        create(planner(PL), item(code, PL, "x"));
        given().header("Authorization", planner(PL)).when().get("/items?department=" + PL + "&status=DRAFT&page=0&size=200")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(200))
                .body("items.code", hasItem(code)).body("items.find { it.status != 'DRAFT' }", nullValue());
        given().header("Authorization", planner(PL)).when().get("/items?status=NOPE")
                .then().statusCode(400).body("errors.field", hasItem("status"));
    }
}
