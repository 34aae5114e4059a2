package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.roster.service.ImportJobService;

/**
 * Subject imports whose chunks are stored by several workers at once: duplicates are still decided in file order, and
 * the stored data, history, errors, counters and events are exactly those of one worker storing chunk after chunk.
 */
@QuarkusTest
@PlatformTest
class ParallelImportTest {

    private static final String HEADER = "uscc,name,kind,industryCode,divisionCode,address,status,departments,"
            + "itemFamilies,riskClass,riskAsOf,riskSource,tags";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ImportJobService jobs;

    private final ObjectMapper mapper = new ObjectMapper();
    private Fixtures f;
    private ImportJobService.Tuning configured;

    @BeforeEach
    void departments() {
        f = new Fixtures();
        configured = jobs.tuning();
    }

    @AfterEach
    void restore() {
        jobs.tune(configured);
    }

    private String row(String uscc, String name) {
        return String.join(",", uscc, name, "ENTERPRISE", "F5111", "140522", "阳城县凤城镇", "ACTIVE", f.county,
                "粮食流通", "", "", "", "");
    }

    @Test
    void aDuplicateInALaterChunkStoredInParallelIsReportedAndTheFirstOccurrenceKept() throws Exception {
        jobs.tune(new ImportJobService.Tuning(50, 3)); // 12 chunks, three stored at a time
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            usccs.add(Fixtures.newUscc("140522"));
        }
        String invalidFirst = usccs.get(7);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 600; i++) { // file row = i + 2
            if (i == 7) {
                csv.append(row(invalidFirst, "坏").replace(",ACTIVE,", ",CLOSED,")).append('\n'); // row 9: status
            } else if (i == 60) {
                csv.append(row(usccs.get(3), "重复一")).append('\n');             // row 62, 2nd chunk: duplicate of row 5 
            } else if (i == 61) {
                csv.append(row(invalidFirst, "后来的")).append('\n');            // row 63: first valid occurrence
            } else if (i == 300) {
                csv.append(row(usccs.get(3), "重复二")).append('\n');            // row 302, 7th chunk: row 5 again
            } else if (i == 301 || i == 302) {
                csv.append(row(usccs.get(200), "重复三")).append('\n');          // rows 303, 304: duplicates of row 202
            } else if (i == 599) {
                csv.append(row(invalidFirst, "最后的")).append('\n');            // row 601, last chunk: of row 63
            } else {
                csv.append(row(usccs.get(i), "阳城县第" + i + "号粮油")).append('\n');
            }
        }
        JsonPath job = submit(csv.toString());
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("rowsRead")).isEqualTo(600);
        assertThat(job.getLong("rowsRejected")).isEqualTo(6);
        assertThat(job.getLong("rowsCreated")).isEqualTo(594);
        List<Map<String, Object>> errors = errors(job.getString("id"));
        assertThat(errors).extracting(e -> e.get("row") + ":" + e.get("field") + ":" + e.get("reason")).containsExactly(
                "9:status:'CLOSED' is not one of ACTIVE (存续), DEREGISTERED (注销), REVOKED (吊销), MOVED_OUT (迁出)",
                "62:uscc:" + usccs.get(3) + " appears more than once in the file (first at row 5)",
                "302:uscc:" + usccs.get(3) + " appears more than once in the file (first at row 5)",
                "303:uscc:" + usccs.get(200) + " appears more than once in the file (first at row 202)",
                "304:uscc:" + usccs.get(200) + " appears more than once in the file (first at row 202)",
                "601:uscc:" + invalidFirst + " appears more than once in the file (first at row 63)");
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + usccs.get(3))
                .then().statusCode(200).body("name", equalTo("阳城县第3号粮油")).body("revision", equalTo(0));
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + usccs.get(200))
                .then().statusCode(200).body("name", equalTo("阳城县第200号粮油"));
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + invalidFirst)
                .then().statusCode(200).body("name", equalTo("后来的"));
    }

    @Test
    void severalWorkersStoreAndAnnounceExactlyWhatOneWorkerDoes() throws Exception {
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            usccs.add(Fixtures.newUscc("140522"));
        }
        String first = file(usccs, false);
        String second = file(usccs, true);

        jobs.tune(new ImportJobService.Tuning(40, 1));
        Run serial = run(usccs, first, second);
        delete(usccs);
        jobs.tune(new ImportJobService.Tuning(40, 3));
        Run parallel = run(usccs, first, second);

        assertThat(parallel.counters).isEqualTo(serial.counters);
        assertThat(parallel.errors).isEqualTo(serial.errors);
        assertThat(parallel.stored).hasSize(1200 - 3).isEqualTo(serial.stored); // 2 never in the file, 1 invalid
        assertThat(parallel.events).isEqualTo(serial.events);
        assertThat(serial.events).hasSize(2).allSatisfy(events -> assertThat(events).isNotEmpty());

        // and a re-import by several workers changes nothing and announces nothing
        JsonPath again = submit(second);
        assertThat(again.getLong("rowsCreated") + again.getLong("rowsChanged")).isZero();
        assertThat(again.getLong("rowsUnchanged")).isEqualTo(1200 - 3);
        assertThat(announced(again.getString("id"))).isEmpty();
        assertThat(dump(usccs)).isEqualTo(parallel.stored);
    }

    /** Subjects of every shape: risk classes, tags, two directories, statuses; in {@code changed}, a third of them differ. */
    private String file(List<String> usccs, boolean changed) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < usccs.size(); i++) {
            String uscc = i == 500 || i == 901 ? usccs.get(i - 470) : usccs.get(i); // duplicates across chunks
            boolean differs = changed && i % 3 == 0;
            String departments = i % 4 == 0 || (differs && i % 2 == 0) ? f.county + ";" + f.city : f.county;
            String risk = i % 5 == 0 ? "ABCD".substring(i % 4, i % 4 + 1) : differs && i % 7 == 0 ? "D" : "";
            String tags = i % 6 == 0 ? "COMPLAINTS" : differs && i % 9 == 0 ? "SERIOUS_VIOLATION;ABNORMAL_OPERATION" : "";
            String status = i % 11 == 0 ? "DEREGISTERED" : differs && i % 13 == 0 ? "REVOKED" : "ACTIVE";
            String name = i == 777 ? "坏\"名" : "阳城县第" + i + "号" + (differs ? "（变更）" : "");
            csv.append(String.join(",", uscc, name, i % 2 == 0 ? "ENTERPRISE" : "INDIVIDUAL", "F5111", "140522",
                    i % 8 == 0 ? "" : "阳城县凤城镇" + i, status, departments, i % 3 == 1 ? "" : "粮食流通;农药经营",
                    risk, risk.isEmpty() ? "" : "2024-06-30", risk.isEmpty() ? "" : "2024 分类", tags)).append('\n');
            if (i == 1000) {
                csv.append(String.join(",", usccs.get(1000), "坏", "ENTERPRISE", "F5111", "140522", "", "ACTIVE",
                        "NO-SUCH-DEPARTMENT", "", "", "", "", "")).append('\n');
            }
        }
        return csv.toString();
    }

    private record Run(List<List<Long>> counters, List<List<String>> errors, List<String> stored,
            List<List<JsonNode>> events) {}

    private Run run(List<String> usccs, String... files) throws Exception {
        List<List<Long>> counters = new ArrayList<>();
        List<List<String>> errors = new ArrayList<>();
        List<List<JsonNode>> events = new ArrayList<>();
        for (String file : files) {
            JsonPath job = submit(file);
            assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
            counters.add(List.of(job.getLong("rowsRead"), job.getLong("rowsCreated"), job.getLong("rowsChanged"),
                    job.getLong("rowsUnchanged"), job.getLong("rowsRejected")));
            errors.add(errors(job.getString("id")).stream().map(e -> e.get("row") + ":" + e.get("field") + ":" + e.get("reason")).toList());
            events.add(announced(job.getString("id")));
        }
        return new Run(counters, errors, dump(usccs), events);
    }

    private JsonPath submit(String csv) {
        String location = given().header("Authorization", Fixtures.admin()).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/imports/subjects").then().statusCode(202).extract().header("Location");
        JsonPath[] job = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            job[0] = given().header("Authorization", Fixtures.admin()).when().get(location)
                    .then().statusCode(200).extract().jsonPath();
            return List.of("SUCCEEDED", "FAILED").contains(job[0].getString("state"));
        });
        return job[0];
    }

    private List<Map<String, Object>> errors(String jobId) {
        return given().header("Authorization", Fixtures.admin()).when().get("/imports/" + jobId + "/errors?size=200")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The job's events, each as its list of subject states without the times (which differ between runs), sorted by their first USCC. */
    private List<JsonNode> announced(String jobId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT payload::text FROM outbox_event"
                        + " WHERE aggregate_id = ? AND event_type = 'roster.subjects.imported'")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode event = mapper.readTree(rs.getString(1));
                    assertThat(event.get("data").get("jobId").asText()).isEqualTo(jobId);
                    JsonNode subjects = event.get("data").get("subjects").deepCopy();
                    for (JsonNode s : subjects) {
                        ((ObjectNode) s).remove(List.of("createdAt", "updatedAt"));
                        s.get("tags").forEach(t -> ((ObjectNode) t).remove("setAt"));
                    }
                    out.add(subjects);
                }
            }
        }
        out.sort((a, b) -> a.get(0).get("uscc").asText().compareTo(b.get(0).get("uscc").asText()));
        return out;
    }

    /** Everything stored about the subjects, their lists and their history, but times and the job ids. */
    private List<String> dump(List<String> usccs) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT concat_ws('|', s.uscc, s.name, s.kind, s.industry_code, s.division_code, s.address, s.status,
                    s.risk_class, s.risk_as_of, s.risk_source, s.created_by, s.updated_by, s.lock_version,
                    array_to_string(s.departments, ','), array_to_string(s.item_families, ','),
                    (SELECT string_agg(g.code || '/' || g.set_by, ',' ORDER BY g.code) FROM subject_tag g WHERE g.uscc = s.uscc),
                    (SELECT string_agg(concat_ws('/', h.status, array_to_string(h.departments, ';'), h.risk_class,
                                                 h.risk_as_of, h.risk_source, h.risk_recorded, h.changed_by), ',' ORDER BY h.id)
                     FROM subject_history h WHERE h.uscc = s.uscc))
                FROM subject s WHERE s.uscc = ANY (?) ORDER BY s.uscc""")) {
            ps.setArray(1, c.createArrayOf("text", usccs.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private void delete(List<String> usccs) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("subject_history", "subject_tag", "subject")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE uscc = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("text", usccs.toArray()));
                    ps.executeUpdate();
                }
            }
        }
        assertThat(dump(usccs)).isEmpty();
    }
}
