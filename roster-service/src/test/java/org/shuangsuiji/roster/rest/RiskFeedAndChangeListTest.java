package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.PlatformTest;

@QuarkusTest
@PlatformTest
class RiskFeedAndChangeListTest {

    /** Sends bodies with exactly the Content-Type given (REST Assured would add charset=ISO-8859-1 to text types). */
    private static final io.restassured.config.RestAssuredConfig RAW = io.restassured.RestAssured.config().encoderConfig(
            io.restassured.config.EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Inject
    AgroalDataSource dataSource;

    private Fixtures f;
    private String countyAdmin;

    @BeforeEach
    void departments() {
        f = new Fixtures();
        countyAdmin = Fixtures.departmentAdmin(f.county, "140522");
    }

    private String subject(String risk) {
        String uscc = Fixtures.newUscc("140522");
        Fixtures.register(countyAdmin, Fixtures.subjectJson(uscc, f.county, "F5111", risk == null ? null
                : "\"risk\":{\"riskClass\":\"%s\",\"asOf\":\"2024-06-30\",\"source\":\"2024 分类\"}".formatted(risk)));
        return uscc;
    }

    private long events(String uscc, String type) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?")) {
            ps.setString(1, uscc);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aJsonFeedReplacesManyClassesInOneStepReportsUnknownAndStaleRowsAndKeepsHistory() throws Exception {
        String a = subject("A");
        String b = subject("B");
        String c = subject(null);
        String unknown = Fixtures.newUscc("140522");
        String d = subject(null);
        given().config(RAW).header("Authorization", Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"riskClass\":\"C\",\"asOf\":\"2025-12-31\",\"source\":\"newer\"}")
                .when().put("/subjects/" + d + "/risk-class").then().statusCode(200);

        String feed = """
                {"source":"山西省市场监管局 2025年度分类","asOf":"2025-06-30","entries":[
                 {"uscc":"%s","riskClass":"C"},{"uscc":"%s","riskClass":"B"},{"uscc":"%s","riskClass":"D"},
                 {"uscc":"%s","riskClass":"A"},{"uscc":"%s","riskClass":"A"}]}""".formatted(a, b, c, unknown, d);
        JsonPath result = given().config(RAW).header("Authorization", Fixtures.admin()).contentType(ContentType.JSON).body(feed)
                .when().post("/risk-feeds")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("rows")).isEqualTo(5);
        assertThat(result.getInt("changed")).isEqualTo(3); // a: A→C, b: same class but a newer as-of, c: first class
        assertThat(result.getInt("unknown")).isEqualTo(1);
        assertThat(result.getInt("stale")).isEqualTo(1);
        assertThat(result.getList("issues.uscc", String.class)).containsExactlyInAnyOrder(unknown, d);

        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county)).when().get("/subjects/" + a + "/risk-history")
                .then().statusCode(200).body("items.riskClass", contains("A", "C"))
                .body("items.source", contains("2024 分类", "山西省市场监管局 2025年度分类"))
                .body("items[1].feedId", equalTo(result.getString("feedId")));
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + d)
                .then().body("risk.riskClass", equalTo("C")).body("risk.asOf", equalTo("2025-12-31"));
        assertThat(events(a, "roster.subject.risk-class-changed")).isEqualTo(1);
        assertThat(events(d, "roster.subject.risk-class-changed")).isEqualTo(1); // only the PUT

        // the same feed again changes nothing and announces nothing
        given().config(RAW).header("Authorization", Fixtures.admin()).contentType(ContentType.JSON).body(feed)
                .when().post("/risk-feeds")
                .then().statusCode(200).body("changed", equalTo(0)).body("unchanged", equalTo(3));
        assertThat(events(a, "roster.subject.risk-class-changed")).isEqualTo(1);
    }

    @Test
    void aMalformedRowRejectsTheWholeFeedNamingEveryBadRow() throws Exception {
        String a = subject("A");
        String bad = a.substring(0, 17) + (a.charAt(17) == '0' ? '1' : '0');
        given().config(RAW).header("Authorization", Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"source":"x","asOf":"2025-06-30","entries":[{"uscc":"%s","riskClass":"D"},
                         {"uscc":"%s","riskClass":"B"},{"uscc":"%s","riskClass":"E"},{"uscc":"%s","riskClass":"C"}]}"""
                        .formatted(a, bad, Fixtures.newUscc("140522"), a))
                .when().post("/risk-feeds")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("entries[1].uscc", "entries[2].riskClass", "entries[3].uscc"));
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + a).then().body("risk.riskClass", equalTo("A"));
        assertThat(events(a, "roster.subject.risk-class-changed")).isZero();
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body("{\"source\":\"x\",\"asOf\":\"2025-06-30\",\"entries\":[{\"uscc\":\"%s\",\"riskClass\":\"D\"}]}".formatted(a))
                .when().post("/risk-feeds").then().statusCode(403);
    }

    @Test
    void aCsvFeedIsReadWithItsRowNumbers() {
        String a = subject("A");
        String csv = "\uFEFFuscc,riskClass\n" + a + ",D\n" + Fixtures.newUscc("140522") + ",B\n";
        given().config(RAW).header("Authorization", Fixtures.admin()).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/risk-feeds?source=2025Q4&asOf=2025-12-31")
                .then().statusCode(200).body("changed", equalTo(1)).body("unknown", equalTo(1))
                .body("issues[0].row", equalTo("row 3"));
        given().config(RAW).header("Authorization", Fixtures.admin()).contentType("text/csv").body("uscc,class\n" + a + ",D\n")
                .when().post("/risk-feeds?source=2025Q4&asOf=2025-12-31")
                .then().statusCode(400).body("errors.field", hasItem("columns"));
        given().config(RAW).header("Authorization", Fixtures.admin()).contentType("text/csv").body("uscc,riskClass\n" + a + ",D\n")
                .when().post("/risk-feeds?source=2025Q4")
                .then().statusCode(400).body("errors.field", contains("asOf"));
    }

    @Test
    void changeListsShowAddedRemovedAndReclassifiedSubjectsOfTheDepartment() {
        String a = subject("A");
        String b = subject("B");
        String c = subject(null);
        // b leaves the county's directory (joins the city's first, a subject keeps one directory at least)
        String cityAdmin = Fixtures.departmentAdmin(f.city, "140500");
        given().header("Authorization", cityAdmin).contentType(ContentType.JSON).body("{\"department\":\"%s\"}".formatted(f.city))
                .when().post("/subjects/" + b + "/directories").then().statusCode(200);
        given().header("Authorization", countyAdmin).when().delete("/subjects/" + b + "/directories/" + f.county)
                .then().statusCode(200);
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body("{\"riskClass\":\"C\",\"asOf\":\"2025-06-30\",\"source\":\"x\"}")
                .when().put("/subjects/" + a + "/risk-class").then().statusCode(200);
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body("""
                        {"name":"已注销","kind":"ENTERPRISE","industryCode":"F5111","divisionCode":"140522","status":"DEREGISTERED"}""")
                .when().put("/subjects/" + c).then().statusCode(200);

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonPath list = given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county))
                .when().get("/change-lists?department=" + f.county + "&from=" + today + "&to=" + today + "&size=200")
                .then().statusCode(200).extract().jsonPath();
        List<String> lines = list.getList("items", java.util.Map.class).stream()
                .map(m -> m.get("uscc") + " " + m.get("change") + " " + m.get("cause") + " " + m.get("before") + "→" + m.get("after"))
                .toList();
        assertThat(lines).contains(a + " ADDED DIRECTORY null→null", b + " ADDED DIRECTORY null→null",
                c + " ADDED DIRECTORY null→null", b + " REMOVED DIRECTORY null→null", a + " RECLASSIFIED RISK_CLASS A→C",
                a + " RECLASSIFIED RISK_CLASS null→A", b + " RECLASSIFIED RISK_CLASS null→B",
                c + " REMOVED STATUS ACTIVE→DEREGISTERED");
        assertThat(lines).hasSize(8);
        assertThat(list.getInt("total")).isEqualTo(8);

        // the city's list shows b joining it, not the county's own changes; nothing happened yesterday
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.city))
                .when().get("/change-lists?department=" + f.city + "&from=" + today + "&to=" + today)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].uscc", equalTo(b));
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county))
                .when().get("/change-lists?department=" + f.county + "&from=" + yesterday + "&to=" + yesterday)
                .then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county))
                .when().get("/change-lists?department=" + f.city + "&from=" + today + "&to=" + today)
                .then().statusCode(403);
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county))
                .when().get("/change-lists?department=" + f.county + "&from=" + today + "&to=" + yesterday)
                .then().statusCode(400).body("errors.field", contains("to"));
    }
}
