package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.PlatformTest;

@QuarkusTest
@PlatformTest
class InspectorChangesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    private Fixtures f;
    private String admin;
    private String id;

    @BeforeEach
    void inspector() {
        f = new Fixtures();
        admin = Fixtures.departmentAdmin(f.county, "140522");
        id = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(officer(0, "2030-12-31", 60))
                .when().post("/inspectors").then().statusCode(201).body("revision", equalTo(0)).extract().path("id");
    }

    private String certificate;

    private String officer(int revision, String validTo, int cap) {
        if (certificate == null) {
            certificate = "14052" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        }
        return """
                {"revision":%d,"department":"%s","name":"张三","kind":"OFFICER","certificateNumber":"%s",
                 "certificateValidFrom":"2023-01-01","certificateValidTo":"%s","regionDivisionCode":"140522",
                 "yearlyWorkloadCap":%d,"expertise":["GRAIN"]}""".formatted(revision, f.county, certificate, validTo, cap);
    }

    private List<JsonNode> events(String aggregate, String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT payload::text FROM outbox_event WHERE aggregate_id = ? AND event_type = ? ORDER BY seq")) {
            ps.setString(1, aggregate);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.readTree(rs.getString(1)));
                }
            }
        }
        return out;
    }

    @Test
    void renewsTheCertificateAsOfTheRevisionReadAndRefusesAStaleOne() throws Exception {
        given().header("Authorization", admin).contentType(ContentType.JSON).body(officer(0, "2034-12-31", 80))
                .when().put("/inspectors/" + id)
                .then().statusCode(200).body("certificateValidTo", equalTo("2034-12-31")).body("yearlyWorkloadCap", equalTo(80))
                .body("revision", equalTo(1));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(officer(0, "2035-12-31", 80))
                .when().put("/inspectors/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", Fixtures.departmentAdmin(f.city, "140500")).contentType(ContentType.JSON)
                .body(officer(1, "2035-12-31", 80))
                .when().put("/inspectors/" + id)
                .then().statusCode(403);
        List<JsonNode> changed = events(id, "roster.inspector.changed");
        assertThat(changed).hasSize(1);
        JsonNode data = changed.get(0).get("data");
        assertThat(data.get("certificateValidTo").asText()).isEqualTo("2034-12-31");
        assertThat(data.get("revision").asInt()).isEqualTo(1);
        assertThat(data.get("availability").isArray()).isTrue();
        assertThat(data.has("idNumber")).isFalse();
    }

    @Test
    void unavailabilityPeriodsAreAnnouncedAndKeepTheInspectorOutOfPoolsOnThoseDates() throws Exception {
        String periodId = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"from\":\"2026-03-01\",\"to\":\"2026-03-15\",\"reason\":\"TRAINING\",\"note\":\"执法培训\"}")
                .when().post("/inspectors/" + id + "/availability")
                .then().statusCode(201).body("availability", hasSize(1)).body("availability[0].reason", equalTo("TRAINING"))
                .body("revision", equalTo(1)).extract().path("availability[0].id");
        String planner = Fixtures.as(Roles.PLANNER, f.county);
        given().header("Authorization", planner).when().get("/snapshots/inspectors/summary?asOf=2026-03-10&department=" + f.county)
                .then().statusCode(200).body("count", equalTo(0));
        given().header("Authorization", planner)
                .when().get("/snapshots/inspectors/summary?asOf=2026-02-20&until=2026-03-01&department=" + f.county)
                .then().statusCode(200).body("count", equalTo(0));
        given().header("Authorization", planner).when().get("/snapshots/inspectors/summary?asOf=2026-03-16&department=" + f.county)
                .then().statusCode(200).body("count", equalTo(1));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"from\":\"2026-03-20\",\"to\":\"2026-03-01\",\"reason\":\"LEAVE\"}")
                .when().post("/inspectors/" + id + "/availability")
                .then().statusCode(400).body("errors.field", contains("to"));

        given().header("Authorization", admin).when().delete("/inspectors/" + id + "/availability/" + periodId)
                .then().statusCode(200).body("availability", hasSize(0)).body("revision", equalTo(2));
        given().header("Authorization", planner).when().get("/snapshots/inspectors/summary?asOf=2026-03-10&department=" + f.county)
                .then().statusCode(200).body("count", equalTo(1));
        List<JsonNode> changed = events(id, "roster.inspector.changed");
        assertThat(changed).hasSize(2);
        assertThat(changed.get(0).get("data").get("availability").get(0).get("from").asText()).isEqualTo("2026-03-01");
        assertThat(changed.get(0).get("data").get("availability").get(0).get("to").asText()).isEqualTo("2026-03-15");
        assertThat(changed.get(1).get("data").get("availability")).isEmpty();
    }

    @Test
    void withdrawnConflictsNoLongerExcludeAndTheConflictHashProvesWhichWereUsed() throws Exception {
        String a = Fixtures.newUscc("140522");
        String b = Fixtures.newUscc("140522");
        Fixtures.register(admin, Fixtures.subjectJson(a, f.county, "F5111", null));
        Fixtures.register(admin, Fixtures.subjectJson(b, f.county, "F5111", null));
        String conflictA = declare(a);
        declare(b);
        String planner = Fixtures.as(Roles.PLANNER, f.county);
        String url = "/snapshots/inspectors/summary?asOf=2026-06-01&department=" + f.county;
        given().header("Authorization", planner).when().get(url)
                .then().statusCode(200).body("conflicts", equalTo(2)).body("conflictsSha256", equalTo(pairs(a, b)));

        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"reason\":\"已离职三年\"}")
                .when().post("/inspectors/" + id + "/conflicts/" + conflictA + "/withdrawal")
                .then().statusCode(200).body("withdrawnBy", equalTo("admin-" + f.county)).body("withdrawnAt", notNullValue());
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .when().post("/inspectors/" + id + "/conflicts/" + conflictA + "/withdrawal")
                .then().statusCode(409);
        given().header("Authorization", planner).when().get(url)
                .then().statusCode(200).body("conflicts", equalTo(1)).body("conflictsSha256", equalTo(pairs(b)));
        String stream = new String(given().header("Authorization", planner)
                .when().get("/snapshots/inspectors?asOf=2026-06-01&department=" + f.county)
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        String[] lines = stream.split("\n");
        assertThat(mapper.readTree(lines[0]).get("conflicts").get(0).asText()).isEqualTo(b);
        assertThat(mapper.readTree(lines[1]).get("conflictsSha256").asText()).isEqualTo(pairs(b));

        List<JsonNode> withdrawn = events(id, "roster.conflict.withdrawn");
        assertThat(withdrawn).hasSize(1);
        JsonNode data = withdrawn.get(0).get("data");
        assertThat(data.get("id").asText()).isEqualTo(conflictA);
        assertThat(data.get("uscc").asText()).isEqualTo(a);
        assertThat(data.get("inspectorId").asText()).isEqualTo(id);
        assertThat(data.get("kind").asText()).isEqualTo("FORMER_EMPLOYMENT");
        assertThat(data.get("validFrom").asText()).isEqualTo("2024-01-01");
        assertThat(data.has("validTo")).isTrue();
    }

    @Test
    void anAcceptedRecusalRequestBecomesAConflictAndARejectedOneDoesNot() throws Exception {
        String uscc = Fixtures.newUscc("140522");
        Fixtures.register(admin, Fixtures.subjectJson(uscc, f.county, "F5111", null));
        String request = """
                {"uscc":"%s","inspectorId":"%s","applicant":"王五（法定代表人）","reason":"检查人员系本公司股东之亲属",
                 "receivedOn":"2026-05-10"}""".formatted(uscc, id);
        String requestId = given().header("Authorization", admin).contentType(ContentType.JSON).body(request)
                .when().post("/recusal-requests")
                .then().statusCode(201).body("state", equalTo("PENDING")).extract().path("id");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(request)
                .when().post("/recusal-requests").then().statusCode(409);
        given().header("Authorization", Fixtures.departmentAdmin(f.city, "140500")).contentType(ContentType.JSON)
                .body("{\"accept\":true,\"reason\":\"x\"}")
                .when().post("/recusal-requests/" + requestId + "/decision").then().statusCode(403);

        String conflictId = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"accept\":true,\"reason\":\"经核实，关系属实\"}")
                .when().post("/recusal-requests/" + requestId + "/decision")
                .then().statusCode(200).body("state", equalTo("ACCEPTED")).body("conflictId", notNullValue())
                .extract().path("conflictId");
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"accept\":false,\"reason\":\"y\"}")
                .when().post("/recusal-requests/" + requestId + "/decision").then().statusCode(409);
        given().header("Authorization", Fixtures.as(Roles.WITNESS, null)).when().get("/inspectors/" + id + "/conflicts")
                .then().statusCode(200).body("items[0].kind", equalTo("RECUSAL_REQUEST")).body("items[0].validFrom", equalTo("2026-05-10"))
                .body("items[0].recusalRequestId", equalTo(requestId));
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county))
                .when().get("/snapshots/inspectors/summary?asOf=2026-06-01&department=" + f.county)
                .then().statusCode(200).body("conflictsSha256", equalTo(pairs(uscc)));
        List<JsonNode> declared = events(id, "roster.conflict.declared");
        assertThat(declared).hasSize(1);
        assertThat(declared.get(0).get("data").get("id").asText()).isEqualTo(conflictId);
        assertThat(declared.get(0).get("data").get("kind").asText()).isEqualTo("RECUSAL_REQUEST");

        String other = Fixtures.newUscc("140522");
        Fixtures.register(admin, Fixtures.subjectJson(other, f.county, "F5111", null));
        String rejected = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(request.replace(uscc, other)).when().post("/recusal-requests")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"accept\":false,\"reason\":\"理由不成立\"}")
                .when().post("/recusal-requests/" + rejected + "/decision")
                .then().statusCode(200).body("state", equalTo("REJECTED"));
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county)).when().get("/recusal-requests?inspectorId=" + id)
                .then().statusCode(200).body("total", equalTo(2));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"uscc\":\"%s\",\"kind\":\"RECUSAL_REQUEST\",\"reason\":\"x\",\"validFrom\":\"2024-01-01\"}".formatted(other))
                .when().post("/inspectors/" + id + "/conflicts")
                .then().statusCode(400).body("errors.field", contains("kind"));
    }

    private String declare(String uscc) {
        return given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"uscc\":\"%s\",\"kind\":\"FORMER_EMPLOYMENT\",\"reason\":\"曾任职\",\"validFrom\":\"2024-01-01\"}".formatted(uscc))
                .when().post("/inspectors/" + id + "/conflicts").then().statusCode(201).extract().path("id");
    }

    private String pairs(String... usccs) throws Exception {
        List<String> sorted = new ArrayList<>(List.of(usccs));
        sorted.sort(null);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String u : sorted) {
            md.update((id + "," + u + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
