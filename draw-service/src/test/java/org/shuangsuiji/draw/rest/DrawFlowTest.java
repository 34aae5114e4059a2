package org.shuangsuiji.draw.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.draw.algorithm.Entropy;
import org.shuangsuiji.draw.verify.Verifier;

/**
 * The draw through its REST API with real tokens, PostgreSQL and Kafka: announce (planner) → reveal (witness) →
 * compute (once) → public record, frozen lists for witnesses, substitutions; and every way to get it wrong.
 */
@QuarkusTest
@PlatformTest
class DrawFlowTest {

    private static final String VALUE = "738201";
    private static final String SALT = "c5f1a0b2d3e4f5061728";
    private static final String LOTTERY = "4 7 1";

    @Inject
    AgroalDataSource db;

    private DrawFixtures f;
    private String item;
    private String coopItem;
    private List<String> classA;
    private List<String> unclassified;
    private List<String> leadOfficers;

    @BeforeEach
    void fixtures() {
        f = new DrawFixtures(db);
        item = f.lead + "-001";
        coopItem = f.coop + "-001";
        f.item(item, 1, f.lead, List.of());
        f.item(coopItem, 1, f.coop, List.of());
        classA = f.subjects("A", 40);
        f.subjects("B", 30);
        f.subjects("C", 10);
        f.subjects("D", 4);
        unclassified = f.subjects(null, 2);
        leadOfficers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leadOfficers.add(f.inspector(f.lead, "OFFICER", List.of("GRAIN")));
            f.inspector(f.coop, "OFFICER", List.of());
        }
        f.awaitCount(2, "SELECT count(*) FROM catalog_item WHERE code IN (?, ?)", item, coopItem);
        f.awaitSubjects(86);
        f.awaitCount(6, "SELECT count(*) FROM roster_inspector WHERE department IN (?, ?)", f.lead, f.coop);
    }

    @AfterEach
    void close() {
        f.close();
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private String publishedTask() {
        String plan = f.createPlan();
        String task = f.addTask(plan, f.taskJson("\"" + item + "@1\",\"" + coopItem + "@1\"",
                "\"ratios\":{\"A\":\"0.1\",\"B\":\"0.2\",\"C\":\"0.3\",\"D\":\"0.5\"},\"minimumCount\":3"))
                .statusCode(201).extract().path("id");
        f.fileAndPublish(plan);
        return task;
    }

    private Response announceResponse(String task, String extra) {
        String body = """
                {%s"entropySources":[
                  {"name":"witness-yc-jjz","kind":"WITNESS_COMMITMENT","description":"阳城县纪检监察组见证人承诺值",
                   "commitment":"%s"},
                  {"name":"fc-3d-2026320","kind":"LOTTERY_DRAW",
                   "description":"福彩3D第2026320期开奖号码，三位数字，空格分隔"}]}"""
                .formatted(extra == null ? "" : extra + ",", Entropy.commitment(VALUE, SALT));
        return given().header("Authorization", DrawFixtures.planner(f.lead)).contentType(ContentType.JSON).body(body)
                .when().post("/tasks/" + task + "/draws");
    }

    private String announce(String task) {
        return announceResponse(task, null).then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse reveal(String draw, String name, String value, String salt) {
        String body = salt == null ? "{\"name\":\"%s\",\"value\":\"%s\",\"sourceReference\":\"https://www.cwl.gov.cn\"}"
                .formatted(name, value) : "{\"name\":\"%s\",\"value\":\"%s\",\"salt\":\"%s\"}".formatted(name, value, salt);
        return given().header("Authorization", DrawFixtures.witness()).contentType(ContentType.JSON).body(body)
                .when().post("/draws/" + draw + "/entropy").then();
    }

    private void revealAll(String draw) {
        reveal(draw, "witness-yc-jjz", VALUE, SALT).statusCode(200);
        reveal(draw, "fc-3d-2026320", LOTTERY, null).statusCode(200);
    }

    private io.restassured.response.ValidatableResponse compute(String draw) {
        return given().header("Authorization", DrawFixtures.planner(f.lead)).when().post("/draws/" + draw + "/compute").then();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String poolHash(List<String> usccs) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String u : new TreeSet<>(usccs)) {
            b.append(u).append('\n');
        }
        return sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    // --- the flow --------------------------------------------------------------------------------------------------

    @Test
    void drawsATaskFromAnnouncementToAPublicRecordThatTheVerifierAccepts() throws Exception {
        String task = publishedTask();
        f.conflict(leadOfficers.get(0), unclassified.get(0));
        f.awaitCount(1, "SELECT count(*) FROM roster_conflict WHERE inspector_id = ?::uuid", leadOfficers.get(0));
        ConsumerTask<String, String> events = f.kafka.consume(String.class, String.class)
                .withGroupId("probe-" + UUID.randomUUID()).fromTopics("draw.events");

        String draw = announceResponse(task, null).then().statusCode(201)
                .body("status", equalTo("ANNOUNCED"))
                .body("strata.stratum", org.hamcrest.Matchers.contains("S1", "S2", "S3", "S4", "S5"))
                .body("strata.quota", org.hamcrest.Matchers.containsInAnyOrder(4, 6, 3, 3, 2))
                .body("strata.poolSha256", org.hamcrest.Matchers.hasItem(poolHash(classA)))
                .extract().path("id");

        Response announcement = given().when().get("/public/draws/" + draw + "/announcement");
        assertThat(announcement.statusCode()).isEqualTo(200);
        String announcementHash = sha256(announcement.asByteArray());
        assertThat(announcement.header("X-Content-SHA256")).isEqualTo(announcementHash);
        given().when().get("/public/draws/" + draw).then().statusCode(200).body("announcementSha256", equalTo(announcementHash));
        given().when().get("/public/draws/" + draw + "/record").then().statusCode(404);

        revealAll(draw);
        compute(draw).statusCode(200).body("status", equalTo("COMPUTED")).body("result.selected", equalTo(18))
                .body("result.riskClassApplicationRate", equalTo("0.8889"));

        Response record = given().when().get("/public/draws/" + draw + "/record");
        assertThat(record.statusCode()).isEqualTo(200);
        String recordHash = sha256(record.asByteArray());
        assertThat(record.header("X-Content-SHA256")).isEqualTo(recordHash);
        // stored once (ADR 0019): the result row holds what follows the announcement, which the draw row holds frozen
        assertThat(f.count("SELECT count(*) FROM draw_result WHERE draw_id = ?::uuid AND record IS NULL"
                + " AND record_after_announcement IS NOT NULL", draw)).isEqualTo(1);
        assertThat(record.asString()).startsWith("{\"announcement\":" + announcement.asString() + ",");
        given().header("Authorization", DrawFixtures.auditor()).when().get("/draws/" + draw).then()
                .body("result.recordSha256", equalTo(recordHash));
        JsonNode json = f.mapper.readTree(record.asByteArray());
        assertThat(json.get("announcementSha256").asText()).isEqualTo(announcementHash);
        int teams = json.get("teams").size() + json.get("infeasible").size();
        assertThat(teams).isEqualTo(18);
        for (JsonNode t : json.get("teams")) {
            if (t.get("uscc").asText().equals(unclassified.get(0))) {
                for (JsonNode m : t.get("members")) {
                    assertThat(m.get("inspectorId").asText()).as("回避: the conflicted officer is not on the team")
                            .isNotEqualTo(leadOfficers.get(0));
                }
            }
        }

        // the frozen lists: witnesses and auditors only, in roster's format, hashes as announced
        given().header("Authorization", DrawFixtures.planner(f.lead)).when().get("/draws/" + draw + "/pools/S1")
                .then().statusCode(403);
        given().when().get("/draws/" + draw + "/pools/S1").then().statusCode(401);
        Path dir = Files.createTempDirectory("draw-" + draw);
        String strataMap = given().header("Authorization", DrawFixtures.witness()).when()
                .get("/draws/" + draw + "/strata-map").then().statusCode(200).extract().asString();
        given().when().get("/draws/" + draw + "/strata-map").then().statusCode(401);
        // confidential to the task's departments: its lead and cooperating planners read it, another department's not
        for (String department : List.of(f.lead, f.coop)) {
            given().header("Authorization", DrawFixtures.planner(department)).when().get("/draws/" + draw + "/strata-map")
                    .then().statusCode(200).body(equalTo(strataMap));
        }
        given().header("Authorization", DrawFixtures.planner("YC-SWJ-" + UUID.randomUUID().toString().substring(0, 8)))
                .when().get("/draws/" + draw + "/strata-map").then().statusCode(403)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        assertThat(announcement.asString()).doesNotContain("\"riskClass\"").doesNotContain("UNCLASSIFIED");
        assertThat(record.asString()).doesNotContain("\"riskClass\"").doesNotContain("UNCLASSIFIED");
        String classAId = null;
        for (JsonNode t : f.mapper.readTree(strataMap).get("strata")) {
            if (t.get("riskClass").asText().equals("A")) {
                classAId = t.get("stratum").asText();
            }
        }
        Path mapFile = dir.resolve("strata-map.json");
        Files.writeString(mapFile, strataMap);
        List<Path> pools = new ArrayList<>();
        for (String stratum : List.of("S1", "S2", "S3", "S4", "S5")) {
            String body = given().header("Authorization", DrawFixtures.witness()).when()
                    .get("/draws/" + draw + "/pools/" + stratum).then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith("application/x-ndjson")).extract().asString();
            Path p = dir.resolve(stratum + ".ndjson");
            Files.writeString(p, body);
            pools.add(p);
        }
        List<String> aLines = Files.readAllLines(dir.resolve(classAId + ".ndjson"));
        assertThat(aLines).hasSize(41);
        assertThat(aLines.get(0)).contains("\"riskClass\":\"A\"").contains("\"name\":\"阳城县粮油收购企业");
        assertThat(aLines.get(40)).isEqualTo("{\"count\":40,\"sha256\":\"" + poolHash(classA) + "\"}");
        Path inspectors = dir.resolve("inspectors.ndjson");
        Files.writeString(inspectors, given().header("Authorization", DrawFixtures.auditor()).when()
                .get("/draws/" + draw + "/inspectors").then().statusCode(200).extract().asString());
        Path conflicts = dir.resolve("conflicts.ndjson");
        Files.writeString(conflicts, given().header("Authorization", DrawFixtures.auditor()).when()
                .get("/draws/" + draw + "/conflicts").then().statusCode(200).extract().asString());
        assertThat(Files.readAllLines(conflicts)).hasSize(2);

        Verifier.Result valid = Verifier.verify(new Verifier.Input(record.asString(), pools, inspectors, conflicts, null, mapFile));
        assertThat(valid.valid()).as(valid.discrepancy()).isTrue();
        // one changed selection and the verifier names the discrepancy
        JsonNode first = json.get("selections").get(0).get("selections").get(0);
        // a subject of the scope that the draw did not select (a selected one would leave the record unchanged)
        String other = java.util.stream.Stream.of(unclassified, classA).flatMap(List::stream)
                .filter(u -> !record.asString().contains(u)).findFirst().orElseThrow();
        String tampered = record.asString().replace(first.get("uscc").asText(), other);
        assertThat(tampered).isNotEqualTo(record.asString());
        assertThat(Verifier.verify(new Verifier.Input(tampered, pools, inspectors, conflicts, null, mapFile)).valid()).isFalse();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> events.getRecords().stream()
                .anyMatch(r -> draw.equals(r.key()) && r.value().contains("draw.completed")));
        events.stop();
        JsonNode completed = null;
        JsonNode completedEnvelope = null;
        boolean announced = false;
        for (var r : events.getRecords()) {
            if (draw.equals(r.key())) {
                JsonNode e = f.mapper.readTree(r.value());
                announced |= e.get("type").asText().equals("draw.announced");
                if (e.get("type").asText().equals("draw.completed")) {
                    completed = e.get("data");
                    completedEnvelope = e;
                }
                assertThat(r.value()).as("no risk class in draw events").doesNotContain("\"riskClass\"");
            }
        }
        assertThat(announced).isTrue();
        assertThat(completed).isNotNull();
        assertThat(completed.get("subjects")).hasSize(18);
        assertThat(completed.get("part").asInt()).isEqualTo(1);
        assertThat(completed.get("recordSha256").asText()).isEqualTo(recordHash);
        assertThat(completed.get("deadlineBasis").get("resultEntryWorkingDays").asInt()).isEqualTo(20);
        assertThat(completed.get("items")).hasSize(2);
        // the envelope as Outbox.publish writes it, and the data exactly as docs/events.md describes it, rebuilt here
        // from the served record and the read models
        assertThat(completedEnvelope.get("specversion").asText()).isEqualTo("1.0");
        assertThat(completedEnvelope.get("source").asText()).isEqualTo("/draw-service");
        assertThat(completedEnvelope.get("subject").asText()).isEqualTo(draw);
        assertThat(completedEnvelope.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(completedEnvelope.get("dataschemaversion").asInt()).isEqualTo(1);
        assertThat(UUID.fromString(completedEnvelope.get("id").asText())).isNotNull();
        List<String> fields = new ArrayList<>();
        completed.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("drawId", "taskId", "planId", "taskName", "batch", "leadDepartment",
                "cooperatingDepartments", "drawLevel", "joint", "items", "recordSha256", "riskClassApplicationRate",
                "selectedCount", "infeasibleCount", "deadlineBasis", "part", "parts", "subjects", "computedBy",
                "computedAt");
        assertThat(completed.get("drawId").asText()).isEqualTo(draw);
        assertThat(completed.get("parts").asInt()).isEqualTo(1);
        assertThat(completed.get("selectedCount").asInt()).isEqualTo(18);
        assertThat(completed.get("infeasibleCount").asInt()).isEqualTo(json.get("infeasible").size());
        assertThat(completed.get("riskClassApplicationRate").asText()).isEqualTo("0.8889");
        assertThat(completed.get("computedBy").asText()).isEqualTo(json.get("computedBy").asText());
        assertThat(java.time.OffsetDateTime.parse(completed.get("computedAt").asText()).toInstant())
                .isEqualTo(java.time.Instant.parse(json.get("computedAt").asText()));
        java.util.Map<String, String> subjectNames = new java.util.HashMap<>();
        java.util.Map<String, String> inspectorNames = new java.util.HashMap<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT uscc, name FROM roster_subject")) {
                while (rs.next()) {
                    subjectNames.put(rs.getString(1), rs.getString(2));
                }
            }
            try (var rs = st.executeQuery("SELECT inspector_id::text, name FROM draw_inspector WHERE draw_id = '"
                    + draw + "'")) {
                while (rs.next()) {
                    inspectorNames.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<org.shuangsuiji.draw.service.DrawEvents.DrawnSubject> expected = new ArrayList<>();
        for (JsonNode t : json.get("teams")) {
            List<org.shuangsuiji.draw.service.DrawEvents.Member> members = new ArrayList<>();
            for (JsonNode m : t.get("members")) {
                members.add(new org.shuangsuiji.draw.service.DrawEvents.Member(m.get("inspectorId").asText(),
                        inspectorNames.get(m.get("inspectorId").asText()), m.get("department").asText(),
                        m.get("kind").asText(), m.get("role").asText()));
            }
            expected.add(new org.shuangsuiji.draw.service.DrawEvents.DrawnSubject(t.get("uscc").asText(),
                    subjectNames.get(t.get("uscc").asText()), t.get("order").asInt(), members, null));
        }
        for (JsonNode i : json.get("infeasible")) {
            expected.add(new org.shuangsuiji.draw.service.DrawEvents.DrawnSubject(i.get("uscc").asText(),
                    subjectNames.get(i.get("uscc").asText()), i.get("order").asInt(), List.of(),
                    i.get("reason").asText()));
        }
        expected.sort(java.util.Comparator.comparingInt(org.shuangsuiji.draw.service.DrawEvents.DrawnSubject::order));
        assertThat(completed.get("subjects")).isEqualTo(f.mapper.valueToTree(expected));
        assertThat(completed.get("subjects").get(0).has("infeasibleReason")).as("null members are written").isTrue();
    }

    @Test
    void rejectsSecondCompute() throws Exception {
        String draw = announce(publishedTask());
        revealAll(draw);
        compute(draw).statusCode(200);
        String hash = sha256(given().when().get("/public/draws/" + draw + "/record").asByteArray());
        compute(draw).statusCode(409).contentType("application/problem+json").body("type", endsWith("already-computed"));
        given().header("Authorization", DrawFixtures.witness()).when().post("/draws/" + draw + "/compute")
                .then().statusCode(409);
        assertThat(sha256(given().when().get("/public/draws/" + draw + "/record").asByteArray())).isEqualTo(hash);
        assertThat(f.count("SELECT count(*) FROM draw_result WHERE draw_id = ?::uuid", draw)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM draw_selection WHERE draw_id = ?::uuid", draw)).isEqualTo(18);
    }

    @Test
    void concurrentDoubleComputeYieldsOneResult() throws Exception {
        String draw = announce(publishedTask());
        revealAll(draw);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String token = i % 2 == 0 ? DrawFixtures.planner(f.lead) : DrawFixtures.witness();
            Callable<Integer> call = () -> {
                start.await();
                return given().header("Authorization", token)
                        .when().post("/draws/" + draw + "/compute").statusCode();
            };
            calls.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> c : calls) {
            statuses.add(c.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409);
        assertThat(f.count("SELECT count(*) FROM draw_result WHERE draw_id = ?::uuid", draw)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM draw_selection WHERE draw_id = ?::uuid", draw)).isEqualTo(18);
    }

    @Test
    void rejectsRevealNotMatchingCommitment() {
        String draw = announce(publishedTask());
        reveal(draw, "witness-yc-jjz", "738202", SALT).statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("commitment-mismatch")).body("errors[0].field", equalTo("value"));
        reveal(draw, "witness-yc-jjz", VALUE, SALT + "0").statusCode(422);
        reveal(draw, "witness-yc-jjz", VALUE, null).statusCode(400).body("errors[0].field", equalTo("salt"));
        reveal(draw, "no-such-source", VALUE, null).statusCode(400).body("errors[0].field", equalTo("name"));
        given().header("Authorization", DrawFixtures.planner(f.lead)).contentType(ContentType.JSON)
                .body("{\"name\":\"fc-3d-2026320\",\"value\":\"4 7 1\"}")
                .when().post("/draws/" + draw + "/entropy").then().statusCode(403);
        assertThat(f.count("SELECT count(*) FROM draw_entropy WHERE draw_id = ?::uuid", draw)).isZero();
        reveal(draw, "witness-yc-jjz", VALUE, SALT).statusCode(200)
                .body("entropySources[0].revealed", equalTo(true)).body("entropySources[0].enteredBy", equalTo("witness-yc-jjz"));
    }

    @Test
    void rejectsEntropyEnteredTwice() {
        String draw = announce(publishedTask());
        reveal(draw, "fc-3d-2026320", LOTTERY, null).statusCode(200);
        reveal(draw, "fc-3d-2026320", "9 9 9", null).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("entropy-already-entered"));
        assertThat(f.count("SELECT count(*) FROM draw_entropy WHERE draw_id = ?::uuid AND value = ?", draw, LOTTERY)).isEqualTo(1);
    }

    @Test
    void rejectsComputeBeforeEveryAnnouncedValueIsEntered() {
        String draw = announce(publishedTask());
        reveal(draw, "fc-3d-2026320", LOTTERY, null).statusCode(200);
        compute(draw).statusCode(422).body("type", endsWith("entropy-missing"))
                .body("detail", org.hamcrest.Matchers.containsString("witness-yc-jjz"));
        given().header("Authorization", DrawFixtures.auditor()).when().get("/draws/" + draw).then()
                .body("status", equalTo("ANNOUNCED"));
        assertThat(f.count("SELECT count(*) FROM draw_result WHERE draw_id = ?::uuid", draw)).isZero();
    }

    @Test
    void rejectsDrawOfATaskWhosePeriodHasEnded() throws SQLException {
        String task = publishedTask();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE task SET period_to = current_date - 1 WHERE id = '" + task + "'"); // time passes
        }
        announceResponse(task, null).then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("period-ended"));
        assertThat(f.count("SELECT count(*) FROM draw WHERE task_id = ?::uuid", task)).isZero();
    }

    @Test
    void aBatchIsDrawnOnceAndOnlyPublishedPlansAreDrawn() {
        String task = publishedTask();
        announceResponse(task, "\"batch\":1").then().statusCode(201);
        announceResponse(task, "\"batch\":1").then().statusCode(409).body("type", endsWith("batch-already-drawn"));
        announceResponse(task, null).then().statusCode(400).body("errors[0].field", equalTo("batch"));
        assertThat(f.count("SELECT count(*) FROM draw WHERE task_id = ?::uuid", task)).isEqualTo(1);

        String plan = f.createPlan();
        String draft = f.addTask(plan, f.taskJson("\"" + item + "@1\",\"" + coopItem + "@1\"",
                "\"ratios\":{\"A\":\"0.1\",\"B\":\"0.2\",\"C\":\"0.3\",\"D\":\"0.5\"}")).statusCode(201).extract().path("id");
        announceResponse(draft, null).then().statusCode(422).body("type", endsWith("plan-not-published"));
        given().header("Authorization", DrawFixtures.planner(f.coop + "-OTHER")).contentType(ContentType.JSON)
                .body("{\"entropySources\":[{\"name\":\"x\",\"kind\":\"OTHER\",\"description\":\"d\"}]}")
                .when().post("/tasks/" + task + "/draws").then().statusCode(403);
    }

    @Test
    void excludesSubjectsAlreadyDrawnByAnotherTaskOfTheSamePeriod() {
        String first = announce(publishedTask());
        revealAll(first);
        compute(first).statusCode(200);
        String second = announce(publishedTask());
        given().when().get("/public/draws/" + second).then().statusCode(200).body("exclusions", equalTo(18))
                .body("strata.eligible", org.hamcrest.Matchers.containsInAnyOrder(36, 24, 7, 1, 0));
        Response announcement = given().when().get("/public/draws/" + second + "/announcement");
        List<String> reasons = announcement.jsonPath().getList("exclusions.reason");
        assertThat(reasons).hasSize(18).containsOnly("DRAWN_BY_OTHER_TASK");
        assertThat(f.count("SELECT count FROM draw_exclusion_list WHERE draw_id = ?::uuid", second)).isEqualTo(18);
        assertThrows(SQLException.class, () -> {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE draw_exclusion_list SET lines = '' WHERE draw_id = '%s'".formatted(second));
            }
        });
        revealAll(second);
        compute(second).statusCode(200);
        assertThat(f.count("""
                SELECT count(*) FROM draw_selection a JOIN draw_selection b ON a.uscc = b.uscc
                WHERE a.draw_id = ?::uuid AND b.draw_id = ?::uuid""", first, second)).isZero();
    }

    @Test
    void aLaterDrawOfTheYearCountsEveryInspectorsTeamsOfTheEarlierOnesAgainstTheirWorkload() throws Exception {
        String first = announce(publishedTask());
        revealAll(first);
        compute(first).statusCode(200);
        Map<String, Integer> teams = new java.util.HashMap<>();
        for (JsonNode team : given().when().get("/public/draws/" + first + "/record").as(JsonNode.class).get("teams")) {
            for (JsonNode m : team.get("members")) {
                teams.merge(m.get("inspectorId").asText(), 1, Integer::sum);
            }
        }
        assertThat(teams).isNotEmpty();
        String second = announce(publishedTask());
        String inspectors = given().header("Authorization", DrawFixtures.auditor()).when()
                .get("/draws/" + second + "/inspectors").then().statusCode(200).extract().asString();
        Map<String, Integer> prior = new java.util.HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : inspectors.strip().split("\n")) {
            JsonNode n = json.readTree(line);
            if (n.has("id")) {
                prior.put(n.get("id").asText(), n.get("priorAssignments").asInt());
            }
        }
        assertThat(prior).hasSize(6);
        prior.forEach((id, n) -> assertThat(n).as(id).isEqualTo(teams.getOrDefault(id, 0)));
    }

    @Test
    void aScopeWithoutSubjectsIsFrozenAsEmptyPools() {
        String plan = f.createPlan();
        String task = f.addTask(plan, f.taskJson("\"" + item + "@1\",\"" + coopItem + "@1\"",
                "\"ratios\":{\"A\":\"0.1\",\"B\":\"0.2\",\"C\":\"0.3\",\"D\":\"0.5\"},\"minimumCount\":3,"
                        + "\"scope\":{\"divisionPrefix\":\"999999\"}"))
                .statusCode(201).extract().path("id");
        f.fileAndPublish(plan);
        String draw = announce(task);
        given().when().get("/public/draws/" + draw).then().statusCode(200).body("exclusions", equalTo(0))
                .body("strata.poolCount", org.hamcrest.Matchers.everyItem(equalTo(0)));
    }

    @Test
    void theDatabaseRefusesToChangeAComputedDraw() {
        String draw = announce(publishedTask());
        revealAll(draw);
        compute(draw).statusCode(200);
        for (String sql : List.of(
                "UPDATE draw_result SET record_sha256 = 'x' WHERE draw_id = '%s'",
                "UPDATE draw_result SET record_after_announcement = '{}' WHERE draw_id = '%s'",
                "UPDATE draw SET announcement = '{}' WHERE id = '%s'",
                "DELETE FROM draw_selection WHERE draw_id = '%s'",
                "UPDATE draw SET status = 'ANNOUNCED' WHERE id = '%s'",
                "DELETE FROM draw_entropy WHERE draw_id = '%s'",
                "UPDATE draw_stratum SET pool_sha256 = 'x' WHERE draw_id = '%s'",
                "DELETE FROM draw_inspector_load WHERE draw_id = '%s'",
                "UPDATE draw_inspector_load SET assignments = 1 WHERE draw_id = '%s'")) {
            assertThrows(SQLException.class, () -> {
                try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate(sql.formatted(draw));
                }
            }, sql);
        }
        assertThat(f.count("SELECT count(*) FROM draw_selection WHERE draw_id = ?::uuid", draw)).isEqualTo(18);
    }

    @Test
    void substitutionAppendsTheNextEligibleInspectorWithReasonApproverAndTime() {
        String draw = announce(publishedTask());
        revealAll(draw);
        compute(draw).statusCode(200);
        JsonNode record = given().when().get("/public/draws/" + draw + "/record").as(JsonNode.class);
        JsonNode team = record.get("teams").get(0);
        String uscc = team.get("uscc").asText();
        String leaving = null;
        for (JsonNode m : team.get("members")) {
            if (m.get("department").asText().equals(f.lead)) {
                leaving = m.get("inspectorId").asText();
            }
        }
        String body = "{\"uscc\":\"%s\",\"inspectorId\":\"%s\",\"reason\":\"RECUSAL: 亲属关系\"}".formatted(uscc, leaving);
        given().header("Authorization", DrawFixtures.planner(f.lead)).contentType(ContentType.JSON).body(body)
                .when().post("/draws/" + draw + "/substitutions").then().statusCode(403);
        given().header("Authorization", DrawFixtures.head(f.lead)).contentType(ContentType.JSON).body(body)
                .when().post("/draws/" + draw + "/substitutions").then().statusCode(201)
                .body("sequence", equalTo(1)).body("leavingInspectorId", equalTo(leaving))
                .body("joiningDepartment", equalTo(f.lead)).body("approvedBy", equalTo("head-" + f.lead))
                .body("previousSha256", equalTo(given().when().get("/public/draws/" + draw + "/record").header("X-Content-SHA256")));
        given().header("Authorization", DrawFixtures.head(f.lead)).contentType(ContentType.JSON).body(body)
                .when().post("/draws/" + draw + "/substitutions").then().statusCode(400)
                .body("errors[0].field", equalTo("inspectorId"));
        String lines = given().when().get("/public/draws/" + draw + "/substitutions").then().statusCode(200).extract().asString();
        assertThat(lines.strip().split("\n")).hasSize(1);
    }

    @Test
    void witnessesAndAuditorsReadDrawsButAnonymousCallersOnlyThePublicParts() {
        String task = publishedTask();
        String draw = announce(task);
        given().header("Authorization", DrawFixtures.witness()).when().get("/draws/" + draw).then().statusCode(200)
                .body("entropySources", hasSize(2));
        given().when().get("/draws/" + draw).then().statusCode(401);
        given().when().get("/public/tasks/" + task + "/draws").then().statusCode(200).body("items", hasSize(1))
                .body("total", equalTo(1));
        given().header("Authorization", DrawFixtures.witness()).when().get("/draws/" + draw + "/pools/E")
                .then().statusCode(400).body("errors[0].field", equalTo("stratum"));
    }
}
