package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;
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
                org.assertj.core.api.Assertions.assertThat(rs.next()).isTrue();
                org.assertj.core.api.Assertions.assertThat(rs.getString(1)).isEqualTo("roster.inspector.registered");
                org.assertj.core.api.Assertions.assertThat(rs.getString(2))
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
                .then().statusCode(200).body("$", hasSize(1)).body("[0].reason", equalTo("配偶任该公司监事"));
        given().header("Authorization", Fixtures.as(Roles.INSPECTOR, f.county)).when().get("/inspectors/" + id + "/conflicts")
                .then().statusCode(403);
    }

    @Test
    void unknownInspectorIs404() {
        given().header("Authorization", Fixtures.admin()).when().get("/inspectors/" + UUID.randomUUID()).then().statusCode(404);
        given().header("Authorization", Fixtures.admin()).when().get("/inspectors/not-a-uuid").then().statusCode(404);
    }
}
