package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.roster.domain.ResidentId;

@QuarkusTest
@PlatformTest
class InspectorResourceTest {

    private static final String ID_NUMBER = ResidentId.complete("14052219800101123");
    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private Fixtures f;
    private String countyAdmin;

    @BeforeEach
    void departments() {
        f = new Fixtures();
        countyAdmin = Fixtures.departmentAdmin(f.county, "140522");
    }

    private String officer(String certificate, String validTo, String idNumber) {
        return """
                {"department":"%s","name":"张三","kind":"OFFICER","certificateNumber":"%s",
                 "certificateValidFrom":"2023-01-01","certificateValidTo":"%s","regionDivisionCode":"140522",
                 "yearlyWorkloadCap":60,"expertise":["GRAIN","FOOD_SAFETY"],"idNumber":"%s","phone":"13803561234"}"""
                .formatted(f.county, certificate, validTo, idNumber);
    }

    private static String certificate() {
        return "14050" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private String register() {
        return given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body(officer(certificate(), "2035-12-31", ID_NUMBER))
                .when().post("/inspectors")
                .then().statusCode(201).body("idNumber", equalTo(ID_NUMBER)).body("expertise", contains("FOOD_SAFETY", "GRAIN"))
                .extract().path("id");
    }

    @Test
    void personalDataIsOnlyReturnedToAdmins() {
        String id = register();
        given().header("Authorization", countyAdmin).when().get("/inspectors/" + id)
                .then().statusCode(200).body("idNumber", equalTo(ID_NUMBER)).body("phone", equalTo("13803561234"));
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county)).when().get("/inspectors/" + id)
                .then().statusCode(200).body("name", equalTo("张三")).body("$", not(hasKey("idNumber"))).body("$", not(hasKey("phone")));
        given().header("Authorization", Fixtures.departmentAdmin(f.city, "140500")).when().get("/inspectors?department=" + f.county)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].idNumber", nullValue());
    }

    @Test
    void registrationEventCarriesNoPersonalData() throws Exception {
        String id = register();
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(
                        "SELECT event_type, payload::text FROM outbox_event WHERE aggregate_id = ?")) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("roster.inspector.registered");
                assertThat(rs.getString(2))
                        .contains("张三").doesNotContain(ID_NUMBER).doesNotContain("13803561234").doesNotContain("idNumber");
            }
        }
    }

    @Test
    void rejectsExpiredCertificate() {
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body(officer(certificate(), "2020-12-31", ID_NUMBER).replace("2023-01-01", "2018-01-01"))
                .when().post("/inspectors")
                .then().statusCode(400).body("errors.field", contains("certificateValidTo"));
    }

    @Test
    void officersNeedACertificateAndExpertsDoNot() {
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body("{\"department\":\"%s\",\"name\":\"李四\",\"kind\":\"OFFICER\",\"regionDivisionCode\":\"140522\",\"yearlyWorkloadCap\":10}".formatted(f.county))
                .when().post("/inspectors")
                .then().statusCode(400).body("errors.field", contains("certificateNumber"));
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body("{\"department\":\"%s\",\"name\":\"王五\",\"kind\":\"EXPERT\",\"regionDivisionCode\":\"140522\",\"yearlyWorkloadCap\":10}".formatted(f.county))
                .when().post("/inspectors")
                .then().statusCode(201).body("kind", equalTo("EXPERT"));
    }

    @Test
    void rejectsBadIdNumberAndDuplicateCertificate() {
        String bad = ID_NUMBER.substring(0, 17) + (ID_NUMBER.charAt(17) == '1' ? '2' : '1');
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body(officer(certificate(), "2035-12-31", bad))
                .when().post("/inspectors")
                .then().statusCode(400).body("errors.field", contains("idNumber"));
        String cert = certificate();
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON).body(officer(cert, "2035-12-31", ID_NUMBER))
                .when().post("/inspectors").then().statusCode(201);
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON).body(officer(cert, "2035-12-31", ID_NUMBER))
                .when().post("/inspectors").then().statusCode(409);
    }

    @Test
    void departmentAdminRegistersOnlyOwnInspectors() {
        given().header("Authorization", Fixtures.departmentAdmin(f.city, "140500")).contentType(ContentType.JSON)
                .body(officer(certificate(), "2035-12-31", ID_NUMBER))
                .when().post("/inspectors")
                .then().statusCode(403);
    }

    @Test
    void conflictsAreDeclaredAndReadOnlyByPrivilegedRoles() {
        String id = register();
        String uscc = Fixtures.newUscc("140522");
        Fixtures.register(countyAdmin, Fixtures.subjectJson(uscc, f.county, "F5111", null));
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body("{\"uscc\":\"%s\",\"kind\":\"KINSHIP\",\"reason\":\"配偶任该公司监事\",\"validFrom\":\"2024-01-01\"}".formatted(uscc))
                .when().post("/inspectors/" + id + "/conflicts")
                .then().statusCode(201).body("kind", equalTo("KINSHIP")).body("uscc", equalTo(uscc));
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body("{\"uscc\":\"%s\",\"kind\":\"OTHER\",\"reason\":\"x\",\"validFrom\":\"2024-01-01\"}".formatted(Fixtures.newUscc("140522")))
                .when().post("/inspectors/" + id + "/conflicts")
                .then().statusCode(400).body("errors.field", contains("uscc"));
        given().header("Authorization", Fixtures.as(Roles.WITNESS, null)).when().get("/inspectors/" + id + "/conflicts")
                .then().statusCode(200).body("items", hasSize(1)).body("total", equalTo(1)).body("items[0].reason", equalTo("配偶任该公司监事"));
        given().header("Authorization", Fixtures.as(Roles.INSPECTOR, f.county)).when().get("/inspectors/" + id + "/conflicts")
                .then().statusCode(403);
    }

    @Test
    void eligibleInspectorPoolDependsOnCertificateValidityAndCarriesConflictsAsOfTheDate() throws Exception {
        String officer = register(); // certificate valid 2023-01-01 .. 2035-12-31
        String expert = given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body("{\"department\":\"%s\",\"name\":\"王五\",\"kind\":\"EXPERT\",\"regionDivisionCode\":\"140522\",\"yearlyWorkloadCap\":10,\"expertise\":[\"GRAIN\"]}".formatted(f.county))
                .when().post("/inspectors").then().statusCode(201).extract().path("id");
        String uscc = Fixtures.newUscc("140522");
        Fixtures.register(countyAdmin, Fixtures.subjectJson(uscc, f.county, "F5111", null));
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body("{\"uscc\":\"%s\",\"kind\":\"SHAREHOLDING\",\"reason\":\"持股\",\"validFrom\":\"2024-01-01\"}".formatted(uscc))
                .when().post("/inspectors/" + officer + "/conflicts").then().statusCode(201);

        String planner = Fixtures.as(Roles.PLANNER, f.county);
        String body = new String(given().header("Authorization", planner)
                .when().get("/snapshots/inspectors?asOf=2024-06-01&department=" + f.county)
                .then().statusCode(200).extract().asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = body.split("\n");
        java.util.List<String> ids = new java.util.ArrayList<>(java.util.List.of(officer, expert));
        ids.sort(null);
        assertThat(lines).hasSize(3);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(mapper.readTree(lines[0]).get("id").asText()).isEqualTo(ids.get(0));
        assertThat(mapper.readTree(lines[1]).get("id").asText()).isEqualTo(ids.get(1));
        assertThat(body).doesNotContain(ID_NUMBER).doesNotContain("13803561234");
        String officerLine = lines[0].contains(officer) ? lines[0] : lines[1];
        assertThat(mapper.readTree(officerLine).get("conflicts").get(0).asText()).isEqualTo(uscc);
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        for (String id : ids) {
            md.update((id + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(mapper.readTree(lines[2]).get("sha256").asText()).isEqualTo(java.util.HexFormat.of().formatHex(md.digest()));

        // before the certificate was valid only the expert is eligible; before the conflict began there is none
        given().header("Authorization", planner).when().get("/snapshots/inspectors/summary?asOf=2022-06-01&department=" + f.county)
                .then().statusCode(200).body("count", equalTo(1));
        String early = new String(given().header("Authorization", planner)
                .when().get("/snapshots/inspectors?asOf=2023-06-01&kind=OFFICER&department=" + f.county)
                .then().statusCode(200).extract().asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(mapper.readTree(early.split("\n")[0]).get("conflicts")).isEmpty();
        given().header("Authorization", planner).when().get("/snapshots/inspectors?department=" + f.county + "&expertise=GRAIN")
                .then().statusCode(400).body("errors.field", contains("asOf"));
    }

    @Test
    void unknownInspectorIs404() {
        given().header("Authorization", Fixtures.admin()).when().get("/inspectors/" + UUID.randomUUID()).then().statusCode(404);
        given().header("Authorization", Fixtures.admin()).when().get("/inspectors/not-a-uuid").then().statusCode(404);
    }
}
