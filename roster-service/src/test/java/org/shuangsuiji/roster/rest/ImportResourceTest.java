package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.roster.domain.ResidentId;

@QuarkusTest
@PlatformTest
class ImportResourceTest {

    /** Sends bodies with exactly the Content-Type given (REST Assured would add charset=ISO-8859-1 to text types). */
    private static final io.restassured.config.RestAssuredConfig RAW = io.restassured.RestAssured.config().encoderConfig(
            io.restassured.config.EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static final String HEADER = "uscc,name,kind,industryCode,divisionCode,address,status,departments,"
            + "itemFamilies,riskClass,riskAsOf,riskSource,tags";

    @Inject
    AgroalDataSource dataSource;

    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    ObjectMapper jackson; // the application's, as the API and the outbox write JSON
    private Fixtures f;

    @BeforeEach
    void departments() {
        f = new Fixtures();
    }

    private String row(String uscc, String name, String risk, String tags) {
        return String.join(",", uscc, name, "ENTERPRISE", "F5111", "140522", "阳城县凤城镇", "ACTIVE", f.county,
                "粮食流通", risk, risk.isEmpty() ? "" : "2024-06-30", risk.isEmpty() ? "" : "2024 分类", tags);
    }

    private JsonPath submit(String path, String contentType, byte[] body) {
        String location = given().config(RAW).header("Authorization", Fixtures.admin()).contentType(contentType).body(body)
                .when().post(path)
                .then().statusCode(202).body("state", org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING", "SUCCEEDED"))
                .extract().header("Location");
        return finished(location);
    }

    private JsonPath finished(String location) {
        JsonPath[] job = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            job[0] = given().header("Authorization", Fixtures.admin()).when().get(location)
                    .then().statusCode(200).extract().jsonPath();
            String state = job[0].getString("state");
            return state.equals("SUCCEEDED") || state.equals("FAILED");
        });
        return job[0];
    }

    private List<Map<String, Object>> errors(JsonPath job) {
        return given().header("Authorization", Fixtures.admin()).when().get("/imports/" + job.getString("id") + "/errors?size=200")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private List<JsonNode> importedEvents(String jobId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT payload::text FROM outbox_event WHERE aggregate_id = ? AND event_type = 'roster.subjects.imported'")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.readTree(rs.getString(1)));
                }
            }
        }
        return out;
    }

    @Test
    void importsValidRowsReportsBadOnesByRowAndFieldAndAReimportChangesNothing() throws Exception {
        String a = Fixtures.newUscc("140522");
        String b = Fixtures.newUscc("140522");
        String c = Fixtures.newUscc("140522");
        String badCheck = a.substring(0, 17) + (a.charAt(17) == '0' ? '1' : '0');
        String csv = "\uFEFF" + HEADER + "\n"
                + row(a, "阳城县甲粮油有限公司", "A", "COMPLAINTS") + "\n"
                + row(b, "阳城县乙粮油有限公司", "", "") + "\n"
                + row(badCheck, "坏代码", "B", "") + "\n"                                   // row 4: uscc
                + row(c, "阳城县\"丙\"粮油", "C", "") + "\n"                                  // row 5: stray quote
                + row(Fixtures.newUscc("140522"), "x".repeat(10_000), "A", "") + "\n"        // row 6: 10 000 characters
                + row(Fixtures.newUscc("140522"), "丁", "E", "") .replace("140522,", "141522,") + "\n" // row 7: two fields
                + row(a, "阳城县甲粮油有限公司（重复）", "B", "") + "\n";                      // row 8: duplicate
        JsonPath job = submit("/imports/subjects?fileName=subjects.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("rowsRead")).isEqualTo(7);
        assertThat(job.getLong("rowsCreated")).isEqualTo(2);
        assertThat(job.getLong("rowsRejected")).isEqualTo(5);
        assertThat(job.getString("sha256")).hasSize(64);
        List<Map<String, Object>> errors = errors(job);
        assertThat(errors).extracting(e -> e.get("row") + ":" + e.get("field")).containsExactly(
                "4:uscc", "5:name", "6:name", "7:divisionCode", "7:riskClass", "8:uscc");
        assertThat(errors.get(1).get("reason").toString()).contains("stray quote");
        assertThat(errors.get(2).get("reason").toString()).contains("8192");
        assertThat(errors.get(5).get("reason").toString()).contains("first at row 2");

        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county)).when().get("/subjects/" + a)
                .then().statusCode(200).body("risk.riskClass", equalTo("A")).body("tags[0].code", equalTo("COMPLAINTS"))
                .body("departments", contains(f.county)).body("revision", equalTo(0));
        List<JsonNode> events = importedEvents(job.getString("id"));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("data").get("subjects")).hasSize(2);
        JsonNode first = events.get(0).get("data").get("subjects").get(0);
        assertThat(first.get("uscc").asText()).isEqualTo(a.compareTo(b) < 0 ? a : b);
        assertThat(first.get("departments").get(0).asText()).isEqualTo(f.county);
        assertThat(first.has("revision")).isTrue();

        JsonPath again = submit("/imports/subjects", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(again.getLong("rowsCreated")).isZero();
        assertThat(again.getLong("rowsChanged")).isZero();
        assertThat(again.getLong("rowsUnchanged")).isEqualTo(2);
        assertThat(importedEvents(again.getString("id"))).isEmpty();

        // one changed row: only that subject is announced, with a new revision and its class history
        String changed = csv.replace(row(b, "阳城县乙粮油有限公司", "", ""), row(b, "阳城县乙粮油有限公司", "D", "SERIOUS_VIOLATION"));
        JsonPath third = submit("/imports/subjects", "text/csv", changed.getBytes(StandardCharsets.UTF_8));
        assertThat(third.getLong("rowsChanged")).isEqualTo(1);
        List<JsonNode> thirdEvents = importedEvents(third.getString("id"));
        assertThat(thirdEvents.get(0).get("data").get("subjects")).hasSize(1);
        assertThat(thirdEvents.get(0).get("data").get("subjects").get(0).get("revision").asInt()).isEqualTo(1);
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + b + "/risk-history")
                .then().statusCode(200).body("items.riskClass", contains("D"));
    }

    @Test
    void aReimportThatMovesASubjectIsOneHistoryStepInTheChangeListsAndTheRiskHistory() throws Exception {
        String uscc = Fixtures.newUscc("140522");
        String created = row(uscc, "阳城县庚粮油有限公司", "A", "");
        submit("/imports/subjects", "text/csv", (HEADER + "\n" + created + "\n").getBytes(StandardCharsets.UTF_8));
        // the same subject, deregistered, reclassified and also in the city's directory: one row, one change
        String moved = String.join(",", uscc, "阳城县庚粮油有限公司", "ENTERPRISE", "F5111", "140522", "阳城县凤城镇",
                "DEREGISTERED", f.city, "粮食流通;种子经营", "B", "2025-06-30", "2025 分类", "");
        JsonPath job = submit("/imports/subjects", "text/csv", (HEADER + "\n" + moved + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(job.getLong("rowsChanged")).isEqualTo(1);

        // additive lists: the city joins, the county stays
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + uscc).then().statusCode(200)
                .body("departments", contains(java.util.stream.Stream.of(f.city, f.county).sorted().toArray()))
                .body("itemFamilies", contains("种子经营", "粮食流通")).body("revision", equalTo(1));
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + uscc + "/risk-history")
                .then().statusCode(200).body("items.riskClass", contains("A", "B"))
                .body("items.asOf", contains("2024-06-30", "2025-06-30"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(changes(f.county, today)).containsExactly(uscc + " ADDED DIRECTORY null→null",
                uscc + " RECLASSIFIED RISK_CLASS null→A", uscc + " RECLASSIFIED RISK_CLASS A→B",
                uscc + " REMOVED STATUS ACTIVE→DEREGISTERED");
        // in the city's directory only from the second import on: its status and class changes came with the joining
        assertThat(changes(f.city, today)).containsExactly(uscc + " ADDED DIRECTORY null→null",
                uscc + " RECLASSIFIED RISK_CLASS A→B", uscc + " REMOVED STATUS ACTIVE→DEREGISTERED");
        List<JsonNode> events = importedEvents(job.getString("id"));
        assertThat(events.get(0).get("data").get("subjects").get(0).get("departments")).extracting(JsonNode::asText)
                .containsExactly(java.util.stream.Stream.of(f.city, f.county).sorted().toArray(String[]::new));
    }

    private List<String> changes(String department, String day) {
        return given().header("Authorization", Fixtures.admin())
                .when().get("/change-lists?department=" + department + "&from=" + day + "&to=" + day + "&size=200")
                .then().statusCode(200).extract().jsonPath().getList("items", Map.class).stream()
                .map(m -> m.get("uscc") + " " + m.get("change") + " " + m.get("cause") + " " + m.get("before") + "→" + m.get("after"))
                .toList();
    }

    @Test
    void importedEventsCarryExactlyTheStateTheApiAnswers() throws Exception {
        String tagged = Fixtures.newUscc("140522");
        String bare = Fixtures.newUscc("140522");
        String csv = HEADER + "\n" + row(tagged, "阳城县\\戊粮油有限公司", "B", "COMPLAINTS;ABNORMAL_OPERATION") + "\n"
                + String.join(",", bare, "阳城县己种业", "INDIVIDUAL", "A01", "140522", "", "DEREGISTERED",
                        f.county + ";" + f.city, "", "", "", "", "") + "\n";
        JsonPath job = submit("/imports/subjects", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.getLong("rowsCreated")).isEqualTo(2);
        List<JsonNode> events = importedEvents(job.getString("id"));
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.get("type").asText()).isEqualTo("roster.subjects.imported");
        assertThat(event.get("subject").asText()).isEqualTo(job.getString("id"));
        assertThat(event.get("dataschemaversion").asInt()).isEqualTo(1);
        assertThat(event.get("data").get("jobId").asText()).isEqualTo(job.getString("id"));
        JsonNode subjects = event.get("data").get("subjects");
        assertThat(subjects).hasSize(2);
        for (JsonNode announced : subjects) {
            JsonNode api = mapper.readTree(given().header("Authorization", Fixtures.admin())
                    .when().get("/subjects/" + announced.get("uscc").asText()).then().statusCode(200).extract().asString());
            assertThat(withInstants(announced)).isEqualTo(withInstants(api));
        }
        JsonNode first = subjects.get(0).get("uscc").asText().equals(tagged) ? subjects.get(0) : subjects.get(1);
        JsonNode second = first == subjects.get(0) ? subjects.get(1) : subjects.get(0);
        assertThat(first.get("name").asText()).isEqualTo("阳城县\\戊粮油有限公司");
        assertThat(first.get("tags")).extracting(t -> t.get("code").asText()).containsExactly("ABNORMAL_OPERATION", "COMPLAINTS");
        assertThat(first.get("risk").get("asOf").asText()).isEqualTo("2024-06-30");
        assertThat(second.get("risk").isNull()).isTrue();
        assertThat(second.get("address").isNull()).isTrue();
        assertThat(second.get("itemFamilies")).isEmpty();
        assertThat(second.get("departments")).extracting(JsonNode::asText)
                .containsExactly(java.util.stream.Stream.of(f.county, f.city).sorted().toArray(String[]::new));
        // times as Jackson writes an OffsetDateTime in UTC, so consumers see one format whatever the path
        for (String time : List.of(first.get("createdAt").asText(), first.get("updatedAt").asText(),
                first.get("tags").get(0).get("setAt").asText(), event.get("time").asText())) {
            java.time.OffsetDateTime parsed = java.time.OffsetDateTime.parse(time);
            assertThat(parsed.getOffset()).isEqualTo(java.time.ZoneOffset.UTC);
            assertThat(jackson.writeValueAsString(parsed)).isEqualTo("\"" + time + "\"");
        }
    }

    @Test
    void eventsOfChangedAndCreatedSubjectsInOneChunkCarryExactlyTheStateTheApiAnswers() throws Exception {
        String renamed = Fixtures.newUscc("140522");
        String retagged = Fixtures.newUscc("140522");
        String fresh = Fixtures.newUscc("140522");
        JsonPath first = submit("/imports/subjects", "text/csv", (HEADER + "\n" + row(renamed, "阳城县庚商贸", "A", "") + "\n"
                + row(retagged, "阳城县辛农资", "", "COMPLAINTS") + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(first.getLong("rowsCreated")).isEqualTo(2);
        JsonPath second = submit("/imports/subjects", "text/csv", (HEADER + "\n" + row(renamed, "阳城县庚商贸有限公司", "A", "")
                + "\n" + row(retagged, "阳城县辛农资", "", "ABNORMAL_OPERATION") + "\n" + row(fresh, "阳城县壬酒业", "C", "COMPLAINTS")
                + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(second.getLong("rowsCreated")).isEqualTo(1);
        assertThat(second.getLong("rowsChanged")).isEqualTo(2);
        List<JsonNode> events = importedEvents(second.getString("id"));
        assertThat(events).hasSize(1);
        JsonNode subjects = events.get(0).get("data").get("subjects");
        assertThat(subjects).extracting(s -> s.get("uscc").asText())
                .containsExactly(java.util.stream.Stream.of(renamed, retagged, fresh).sorted().toArray(String[]::new));
        for (JsonNode announced : subjects) {
            JsonNode api = mapper.readTree(given().header("Authorization", Fixtures.admin())
                    .when().get("/subjects/" + announced.get("uscc").asText()).then().statusCode(200).extract().asString());
            assertThat(withInstants(announced)).isEqualTo(withInstants(api));
        }
        JsonNode retaggedState = java.util.stream.StreamSupport.stream(subjects.spliterator(), false)
                .filter(s -> s.get("uscc").asText().equals(retagged)).findFirst().orElseThrow();
        assertThat(retaggedState.get("tags")).extracting(t -> t.get("code").asText())
                .containsExactly("ABNORMAL_OPERATION", "COMPLAINTS");
        assertThat(retaggedState.get("revision").asLong()).isEqualTo(1);
    }

    /** The same subject state, with every time compared as the instant it names. */
    private static JsonNode withInstants(JsonNode state) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = state.deepCopy();
        for (String field : List.of("createdAt", "updatedAt")) {
            copy.put(field, java.time.OffsetDateTime.parse(copy.get(field).asText()).toInstant().toString());
        }
        for (JsonNode tag : copy.get("tags")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tag).put("setAt",
                    java.time.OffsetDateTime.parse(tag.get("setAt").asText()).toInstant().toString());
        }
        return copy;
    }

    @Test
    void aFileOfSeveralChunksIsStoredAndAnnouncedOnceWithDuplicatesAndErrorsAcrossChunks() throws Exception {
        int rows = 25_000; // three transactions of the default 10 000 rows, the last one partial
        List<String> usccs = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            String uscc = Fixtures.newUscc("140522");
            if (i == 15_000) {
                csv.append(row(uscc, "坏", "E", "")).append('\n');           // row 15 002, second chunk: riskClass
            } else if (i == 24_000) {
                csv.append(row(usccs.get(3), "重复", "", "")).append('\n');  // row 24 002, third chunk: duplicate of row 5
            } else {
                usccs.add(uscc);
                csv.append(row(uscc, "阳城县第" + i + "号粮油", i % 2 == 0 ? "A" : "", "")).append('\n');
            }
        }
        JsonPath job = submit("/imports/subjects", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("rowsRead")).isEqualTo(rows);
        assertThat(job.getLong("rowsCreated")).isEqualTo(rows - 2);
        assertThat(job.getLong("rowsRejected")).isEqualTo(2);
        assertThat(errors(job)).extracting(e -> e.get("row") + ":" + e.get("field"))
                .containsExactly("15002:riskClass", "24002:uscc");
        assertThat(errors(job).get(1).get("reason").toString()).contains("first at row 5");

        List<JsonNode> events = importedEvents(job.getString("id"));
        List<String> announced = new ArrayList<>();
        for (JsonNode e : events) {
            assertThat(e.get("data").get("subjects").size()).isBetween(1, 500);
            e.get("data").get("subjects").forEach(s -> announced.add(s.get("uscc").asText()));
        }
        assertThat(announced).hasSize(rows - 2).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(usccs);
        assertThat(events).hasSize(50); // 10 000 + 9 999 + 4 999 announced subjects, at most 500 per event
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + usccs.get(3))
                .then().statusCode(200).body("name", equalTo("阳城县第3号粮油")).body("revision", equalTo(0));

        JsonPath again = submit("/imports/subjects", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(again.getLong("rowsUnchanged")).isEqualTo(rows - 2);
        assertThat(again.getLong("rowsCreated") + again.getLong("rowsChanged")).isZero();
        assertThat(importedEvents(again.getString("id"))).isEmpty();
    }

    @Test
    void refusesAMissingColumnAndUndeclaredGbkAtOnceButReadsDeclaredGbk() {
        given().config(RAW).header("Authorization", Fixtures.admin()).contentType("text/csv")
                .body("uscc,name,kind,industryCode,divisionCode\n" + Fixtures.newUscc("140522") + ",x,ENTERPRISE,F5111,140522\n")
                .when().post("/imports/subjects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("columns")).body("errors[0].reason", containsString("departments"));
        String uscc = Fixtures.newUscc("140522");
        byte[] gbk = (HEADER + "\n" + row(uscc, "阳城县晋丰粮油有限公司", "B", "") + "\n").getBytes(Charset.forName("GBK"));
        given().config(RAW).header("Authorization", Fixtures.admin()).contentType("text/csv").body(gbk)
                .when().post("/imports/subjects")
                .then().statusCode(400).body("errors.field", contains("charset")).body("errors[0].reason", containsString("GBK"));
        JsonPath job = submit("/imports/subjects", "text/csv; charset=GBK", gbk);
        assertThat(job.getLong("rowsCreated")).isEqualTo(1);
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + uscc)
                .then().statusCode(200).body("name", equalTo("阳城县晋丰粮油有限公司"));
        given().config(RAW).header("Authorization", Fixtures.as(Roles.PLANNER, f.county)).contentType("text/csv").body(gbk)
                .when().post("/imports/subjects").then().statusCode(403);
    }

    @Test
    void importsXlsxAsMultipart() throws Exception {
        String uscc = Fixtures.newUscc("140522");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(xlsx, "roster-test", "1.0")) {
            Worksheet ws = wb.newWorksheet("subjects");
            String[] header = HEADER.split(",");
            for (int i = 0; i < header.length; i++) {
                ws.value(0, i, header[i]);
            }
            String[] values = row(uscc, "阳城县太行种业有限公司", "C", "").split(",", -1);
            for (int i = 0; i < values.length; i++) {
                if (header[i].equals("riskAsOf")) {
                    ws.value(1, i, java.time.LocalDate.parse(values[i]));
                    ws.style(1, i).format("yyyy-mm-dd").set();
                } else if (!values[i].isEmpty()) {
                    ws.value(1, i, values[i]);
                }
            }
            ws.value(2, 0, "not-a-uscc");
            ws.value(2, 1, "坏");
        }
        String location = given().header("Authorization", Fixtures.admin())
                .multiPart("file", "subjects.xlsx", xlsx.toByteArray(), ImportResource.XLSX)
                .when().post("/imports/subjects")
                .then().statusCode(202).body("format", equalTo("XLSX")).extract().header("Location");
        JsonPath job = finished(location);
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("rowsCreated")).isEqualTo(1);
        assertThat(job.getLong("rowsRejected")).isEqualTo(1);
        assertThat(errors(job)).extracting(e -> e.get("row") + ":" + e.get("field")).contains("3:uscc");
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + uscc)
                .then().statusCode(200).body("risk.riskClass", equalTo("C")).body("risk.asOf", equalTo("2024-06-30"));
    }

    @Test
    void importsInspectorsIdempotently() throws Exception {
        String certificate = "1405" + Long.toString(System.nanoTime() % 100_000_000L);
        String csv = "department,name,kind,certificateNumber,certificateValidFrom,certificateValidTo,regionDivisionCode,"
                + "yearlyWorkloadCap,expertise,idNumber,phone\n"
                + f.county + ",赵六,OFFICER," + certificate + ",2023-01-01,2030-12-31,140522,50,GRAIN;METROLOGY,"
                + ResidentId.complete("14052219800101123") + ",13800000000\n"
                + f.county + ",钱七,EXPERT,,,,140522,10,WATER_RESOURCES," + ResidentId.complete("14052219900101456") + ",\n"
                + f.county + ",孙八,OFFICER,,,,140522,10,GRAIN,,\n"
                + f.county + ",周九,OFFICER,X" + certificate + ",2018-01-01,2020-12-31,140522,10,GRAIN,,\n";
        JsonPath job = submit("/imports/inspectors", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.getLong("rowsCreated")).isEqualTo(2);
        assertThat(errors(job)).extracting(e -> e.get("row") + ":" + e.get("field"))
                .containsExactly("4:certificateNumber", "5:certificateValidTo");
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county)).when().get("/inspectors?department=" + f.county)
                .then().statusCode(200).body("total", equalTo(2));
        JsonPath again = submit("/imports/inspectors", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(again.getLong("rowsCreated")).isZero();
        assertThat(again.getLong("rowsChanged")).isZero();
        assertThat(again.getLong("rowsUnchanged")).isEqualTo(2);
    }

    @Test
    void unknownImportIs404() {
        given().header("Authorization", Fixtures.admin()).when().get("/imports/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
