package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.KafkaResource;
import org.shuangsuiji.commons.testing.PlatformTest;

@QuarkusTest
@PlatformTest
class SubjectResourceTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private Fixtures f;
    private String countyAdmin;

    @BeforeEach
    void departments() {
        f = new Fixtures();
        countyAdmin = Fixtures.departmentAdmin(f.county, "140522");
    }

    @Test
    void departmentAdminRegistersASubjectIntoTheirDirectory() {
        String uscc = Fixtures.newUscc("140522");
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body(Fixtures.subjectJson(uscc, f.county, "F5111", null))
                .when().post("/subjects")
                .then().statusCode(201)
                .body("uscc", equalTo(uscc)).body("status", equalTo("ACTIVE"))
                .body("departments", contains(f.county)).body("itemFamilies", contains("粮食流通"));
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county)).when().get("/subjects/" + uscc)
                .then().statusCode(200).body("industryCode", equalTo("F5111")).body("createdBy", equalTo("admin-" + f.county));
    }

    @Test
    void rejectsUsccWithWrongCheckCharacter() {
        String valid = Fixtures.newUscc("140522");
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        String expected = "check character should be " + valid.charAt(17);
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body(Fixtures.subjectJson(valid.substring(0, 17) + wrong, f.county, "F5111", null))
                .when().post("/subjects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("uscc")).body("errors.reason", contains(expected));
    }

    @Test
    void rejectsSeventeenCharacterUsccAndForbiddenLetters() {
        String valid = Fixtures.newUscc("140522");
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body(Fixtures.subjectJson(valid.substring(0, 17), f.county, "F5111", null))
                .when().post("/subjects")
                .then().statusCode(400).body("errors.field", contains("uscc"))
                .body("errors[0].reason", equalTo("must be 18 characters (got 17)"));
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body(Fixtures.subjectJson(valid.substring(0, 17) + "O", f.county, "F5111", null))
                .when().post("/subjects")
                .then().statusCode(400).body("errors.field", contains("uscc"));
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body(Fixtures.subjectJson(valid.toLowerCase(), f.county, "F5111", null))
                .when().post("/subjects")
                .then().statusCode(400).body("errors.field", contains("uscc"));
    }

    @Test
    void rejectsBadIndustryAndDivisionNamingEachField() {
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body(Fixtures.subjectJson(Fixtures.newUscc("140522"), f.county, "Z99", null).replace("\"140522\"", "\"1405\""))
                .when().post("/subjects")
                .then().statusCode(400).body("errors.field", contains("divisionCode", "industryCode"));
    }

    @Test
    void rejectsDuplicateUsccWith409AndKeepsTheFirst() {
        String uscc = Fixtures.newUscc("140522");
        Fixtures.register(countyAdmin, Fixtures.subjectJson(uscc, f.county, "F5111", null));
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body(Fixtures.subjectJson(uscc, f.county, "C1310", null))
                .when().post("/subjects")
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", countyAdmin).when().get("/subjects/" + uscc)
                .then().statusCode(200).body("industryCode", equalTo("F5111"));
    }

    @Test
    void departmentAdminMayNotWriteAnotherDepartmentsDirectory() {
        String uscc = Fixtures.newUscc("140500");
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body(Fixtures.subjectJson(uscc, f.city, "F5111", null))
                .when().post("/subjects")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + uscc).then().statusCode(404);

        Fixtures.register(Fixtures.departmentAdmin(f.city, "140500"), Fixtures.subjectJson(uscc, f.city, "F5111", null));
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body("{\"riskClass\":\"D\",\"asOf\":\"2024-06-30\",\"source\":\"x\"}")
                .when().put("/subjects/" + uscc + "/risk-class")
                .then().statusCode(403);
    }

    @Test
    void concurrentRegistrationsOfOneUsccStoreItOnceAndAnswer409() throws Exception {
        String uscc = Fixtures.newUscc("140522");
        String json = Fixtures.subjectJson(uscc, f.county, "F5111", null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                        .body(json).when().post("/subjects").then().extract().statusCode()));
            }
            java.util.List<Integer> codes = new java.util.ArrayList<>();
            for (var a : answers) {
                codes.add(a.get());
            }
            assertThat(codes).containsOnly(201, 409);
            assertThat(codes).containsOnlyOnce(201);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void unknownFilterValuesAre400NamingTheParameter() {
        given().header("Authorization", Fixtures.as(Roles.AUDITOR, null)).when().get("/subjects?riskClass=E")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("riskClass"));
        given().header("Authorization", Fixtures.as(Roles.AUDITOR, null)).when().get("/subjects?status=GONE")
                .then().statusCode(400).body("errors.field", contains("status"));
    }

    @Test
    void aSecondDepartmentAddsAnExistingSubjectToItsOwnDirectory() {
        String uscc = Fixtures.newUscc("140522");
        Fixtures.register(countyAdmin, Fixtures.subjectJson(uscc, f.county, "F5111", null));
        String cityAdmin = Fixtures.departmentAdmin(f.city, "140500");
        given().header("Authorization", cityAdmin).contentType(ContentType.JSON).body("{\"department\":\"%s\"}".formatted(f.city))
                .when().post("/subjects/" + uscc + "/directories")
                .then().statusCode(200).body("departments", hasSize(2));
        given().header("Authorization", cityAdmin).contentType(ContentType.JSON).body("{\"department\":\"%s\"}".formatted(f.province))
                .when().post("/subjects/" + uscc + "/directories")
                .then().statusCode(403);
        given().header("Authorization", countyAdmin).when().delete("/subjects/" + uscc + "/directories/" + f.county)
                .then().statusCode(200).body("departments", contains(f.city));
        given().header("Authorization", cityAdmin).when().delete("/subjects/" + uscc + "/directories/" + f.city)
                .then().statusCode(422).body("errors.field", contains("department"));
    }

    @Test
    void inspectorsMayNotRegisterSubjects() {
        given().header("Authorization", Fixtures.as(Roles.INSPECTOR, f.county)).contentType(ContentType.JSON)
                .body(Fixtures.subjectJson(Fixtures.newUscc("140522"), f.county, "F5111", null))
                .when().post("/subjects")
                .then().statusCode(403);
    }

    @Test
    void rejectsUnknownDepartmentNamingTheField() {
        given().header("Authorization", Fixtures.admin()).contentType(ContentType.JSON)
                .body(Fixtures.subjectJson(Fixtures.newUscc("140522"), "NO-SUCH-DEPT", "F5111", null))
                .when().post("/subjects")
                .then().statusCode(400).body("errors.field", contains("departments[0]"));
    }

    @Test
    void unknownSubjectIs404() {
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + Fixtures.newUscc("140522"))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void riskClassChangeEmitsEvent() throws Exception {
        String uscc = Fixtures.newUscc("140522");
        Fixtures.register(countyAdmin, Fixtures.subjectJson(uscc, f.county, "F5111", null));
        try (KafkaCompanion kafka = new KafkaCompanion(KafkaResource.bootstrapServers())) {
            kafka.registerSerde(String.class, Serdes.String());
            ConsumerTask<String, String> task = kafka.consume(String.class, String.class)
                    .withGroupId("probe-" + UUID.randomUUID()).fromTopics("roster.events");

            given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                    .body("{\"riskClass\":\"C\",\"asOf\":\"2024-06-30\",\"source\":\"山西省市场监管局 2024Q2 分类\"}")
                    .when().put("/subjects/" + uscc + "/risk-class")
                    .then().statusCode(200).body("risk.riskClass", equalTo("C"));

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> task.getRecords().stream()
                    .anyMatch(r -> uscc.equals(r.key()) && r.value().contains("risk-class-changed")));
            task.stop();
            JsonNode registered = null;
            JsonNode changed = null;
            for (ConsumerRecord<String, String> r : task.getRecords()) {
                if (uscc.equals(r.key())) {
                    JsonNode e = mapper.readTree(r.value());
                    if (e.get("type").asText().equals("roster.subject.registered")) registered = e;
                    if (e.get("type").asText().equals("roster.subject.risk-class-changed")) changed = e;
                }
            }
            assertThat(registered).as("registered event").isNotNull();
            assertThat(changed).isNotNull();
            assertThat(changed.get("source").asText()).isEqualTo("/roster-service");
            assertThat(changed.get("subject").asText()).isEqualTo(uscc);
            assertThat(changed.get("dataschemaversion").asInt()).isEqualTo(1);
            JsonNode data = changed.get("data");
            assertThat(data.get("risk").get("riskClass").asText()).isEqualTo("C");
            assertThat(data.get("risk").get("asOf").asText()).isEqualTo("2024-06-30");
            assertThat(data.get("name").asText()).isEqualTo("阳城县某某粮油有限公司"); // the full new state
            assertThat(data.get("departments").get(0).asText()).isEqualTo(f.county);
        }
    }

    @Test
    void tagsRecordWhoAndWhenAndAreIdempotent() {
        String uscc = Fixtures.newUscc("140522");
        Fixtures.register(countyAdmin, Fixtures.subjectJson(uscc, f.county, "F5111", null));
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", countyAdmin).contentType(ContentType.JSON).body("{\"code\":\"COMPLAINTS\"}")
                    .when().post("/subjects/" + uscc + "/tags")
                    .then().statusCode(200).body("tags", hasSize(1))
                    .body("tags[0].code", equalTo("COMPLAINTS")).body("tags[0].setBy", equalTo("admin-" + f.county));
        }
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON).body("{\"code\":\"bad tag\"}")
                .when().post("/subjects/" + uscc + "/tags")
                .then().statusCode(400).body("errors.field", contains("code"));
        given().header("Authorization", countyAdmin).when().delete("/subjects/" + uscc + "/tags/COMPLAINTS")
                .then().statusCode(200).body("tags", hasSize(0));
        given().header("Authorization", countyAdmin).when().delete("/subjects/" + uscc + "/tags/COMPLAINTS")
                .then().statusCode(404);
    }

    @Test
    void statusChangeIsStoredAndListsFilterByDepartmentRiskAndStatus() {
        String a = Fixtures.newUscc("140522");
        String b = Fixtures.newUscc("140522");
        Fixtures.register(countyAdmin, Fixtures.subjectJson(a, f.county, "F5111",
                "\"risk\":{\"riskClass\":\"A\",\"asOf\":\"2024-06-30\",\"source\":\"feed\"}"));
        Fixtures.register(countyAdmin, Fixtures.subjectJson(b, f.county, "F5111",
                "\"risk\":{\"riskClass\":\"D\",\"asOf\":\"2024-06-30\",\"source\":\"feed\"}"));
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON)
                .body("""
                        {"name":"已注销","kind":"ENTERPRISE","industryCode":"F5111","divisionCode":"140522","status":"DEREGISTERED"}""")
                .when().put("/subjects/" + b)
                .then().statusCode(200).body("status", equalTo("DEREGISTERED")).body("revision", equalTo(1));

        given().header("Authorization", Fixtures.as(Roles.AUDITOR, null))
                .when().get("/subjects?department=" + f.county)
                .then().statusCode(200).body("total", equalTo(2)).body("items.uscc", contains(a.compareTo(b) < 0 ? a : b, a.compareTo(b) < 0 ? b : a));
        given().header("Authorization", Fixtures.as(Roles.AUDITOR, null))
                .when().get("/subjects?department=" + f.county + "&riskClass=D&status=DEREGISTERED&divisionPrefix=1405")
                .then().statusCode(200).body("items.uscc", contains(b));
        given().header("Authorization", Fixtures.as(Roles.AUDITOR, null))
                .when().get("/subjects?department=" + f.county + "&status=ACTIVE")
                .then().statusCode(200).body("items.uscc", contains(a)).body("items.uscc", not(hasItem(b)));
    }
}
