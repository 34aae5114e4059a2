package org.shuangsuiji.draw.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.testing.PlatformTest;

/** The read models (ADR 0009) fed by real events on the real broker, through the service's own consumers. */
@QuarkusTest
@PlatformTest
class ReadModelTest {

    @Inject
    AgroalDataSource db;

    private DrawFixtures f;

    @BeforeEach
    void fixtures() {
        f = new DrawFixtures(db);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void subjectsKeepTheHighestRevisionWhateverTheOrderOfEvents() {
        String uscc = DrawFixtures.uscc();
        f.subject("roster.subject.risk-class-changed", DrawFixtures.subjectState(uscc, List.of(f.lead), "D", 3));
        f.subject("roster.subject.registered", DrawFixtures.subjectState(uscc, List.of(f.lead), null, 0));
        f.awaitCount(1, "SELECT count(*) FROM roster_subject WHERE uscc = ? AND revision = 3 AND risk_class = 'D'", uscc);
        // The stale registration arrived later and changed nothing; a newer state does.
        f.subject("roster.subject.changed", DrawFixtures.subjectState(uscc, List.of(f.lead, f.coop), "B", 4));
        f.awaitCount(1, "SELECT count(*) FROM roster_subject WHERE uscc = ? AND revision = 4 AND risk_class = 'B'"
                + " AND departments = ARRAY[?, ?]::text[]", uscc, f.lead, f.coop);
    }

    @Test
    void batchImportEventsFillTheSubjectReadModel() {
        f.subjects("C", 1200); // three roster.subjects.imported events (500, 500, 200)
        f.awaitSubjects(1200);
        assertThat(f.count("SELECT count(*) FROM roster_subject WHERE ? = ANY (departments) AND risk_class = 'C'", f.lead))
                .isEqualTo(1200);
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        String uscc = DrawFixtures.uscc();
        String event = f.event("/roster-service", "roster.subject.registered", uscc,
                DrawFixtures.subjectState(uscc, List.of(f.lead), "A", 0));
        String id = event.substring(event.indexOf("\"id\":\"") + 6, event.indexOf("\"id\":\"") + 42);
        f.send("roster.events", uscc, event);
        f.send("roster.events", uscc, event);
        f.awaitCount(1, "SELECT count(*) FROM roster_subject WHERE uscc = ?", uscc);
        f.awaitCount(1, "SELECT count(*) FROM processed_event WHERE consumer = 'draw-service.roster' AND event_id = ?", id);
    }

    @Test
    void inspectorsCarryAvailabilityAndConflictsCanBeWithdrawn() {
        String inspector = f.inspector(f.lead, "OFFICER", List.of("GRAIN"));
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("id", inspector);
        changed.put("department", f.lead);
        changed.put("name", "检查员");
        changed.put("kind", "OFFICER");
        changed.put("certificateValidFrom", "2020-01-01");
        changed.put("certificateValidTo", "2035-12-31");
        changed.put("yearlyWorkloadCap", 30);
        changed.put("expertise", List.of("GRAIN", "METROLOGY"));
        changed.put("availability", List.of(Map.of("from", "2026-12-01", "to", "2026-12-10", "reason", "TRAINING")));
        changed.put("revision", 1);
        f.send("roster.events", inspector, f.event("/roster-service", "roster.inspector.changed", inspector, changed));
        f.awaitCount(1, "SELECT count(*) FROM roster_inspector WHERE id = ?::uuid AND revision = 1 AND yearly_workload_cap = 30"
                + " AND jsonb_array_length(availability) = 1", inspector);

        String uscc = DrawFixtures.uscc();
        String conflictId = UUID.randomUUID().toString();
        Map<String, Object> conflict = new LinkedHashMap<>();
        conflict.put("id", conflictId);
        conflict.put("inspectorId", inspector);
        conflict.put("uscc", uscc);
        conflict.put("kind", "RECUSAL_REQUEST");
        conflict.put("validFrom", "2026-01-01");
        conflict.put("validTo", null);
        f.send("roster.events", inspector, f.event("/roster-service", "roster.conflict.declared", inspector, conflict));
        f.awaitCount(1, "SELECT count(*) FROM roster_conflict WHERE id = ?::uuid AND withdrawn_at IS NULL", conflictId);
        f.send("roster.events", inspector, f.event("/roster-service", "roster.conflict.withdrawn", inspector, conflict));
        f.awaitCount(1, "SELECT count(*) FROM roster_conflict WHERE id = ?::uuid AND withdrawn_at IS NOT NULL", conflictId);
    }

    @Test
    void catalogVersionsScenariosAndRulesArriveAndRetiredVersionsStayRetired() {
        String code = f.lead + "-009";
        f.item(code, 1, f.lead, List.of("GRAIN"));
        f.awaitCount(1, "SELECT count(*) FROM catalog_item WHERE code = ? AND status = 'PUBLISHED' AND required_tags = ARRAY['GRAIN']", code);
        f.retire(code, 1);
        f.awaitCount(1, "SELECT count(*) FROM catalog_item WHERE code = ? AND status = 'RETIRED'", code);
        f.item(code, 1, f.lead, List.of()); // a late duplicate publication does not revive it
        f.item(code, 2, f.lead, List.of());
        f.awaitCount(1, "SELECT count(*) FROM catalog_item WHERE code = ? AND version = 2", code);
        assertThat(f.count("SELECT count(*) FROM catalog_item WHERE code = ? AND version = 1 AND status = 'RETIRED'", code))
                .isEqualTo(1);

        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("code", f.lead + "-S1");
        scenario.put("version", 1);
        scenario.put("name", "粮食收购企业一业一查");
        scenario.put("industryCode", "F5111");
        scenario.put("leadDepartment", f.lead);
        scenario.put("cooperatingDepartments", List.of(f.coop));
        scenario.put("items", List.of(Map.of("department", f.lead, "itemCode", code, "itemVersion", 2)));
        f.send("catalog.events", f.lead + "-S1", f.event("/catalog-service", "catalog.scenario.published", f.lead + "-S1", scenario));
        f.awaitCount(1, "SELECT count(*) FROM catalog_scenario WHERE code = ? AND lead_department = ?", f.lead + "-S1", f.lead);

        f.rules(f.lead, "0.1", "0.2", "0.3", "0.4", 3, 2, true);
        f.awaitCount(1, "SELECT count(*) FROM catalog_rules WHERE key = ? AND max_per_year = 2 AND class_a_not_twice", f.lead);
    }

    // Before announcing, a planner compares draw-service's copy of a pool with roster's summary: same count, same
    // hash (uscc + '\n' per subject in canonical order) when the read model is current.

    @Test
    void summaryOfAPoolIsItsCountAndTheHashRosterComputesForTheSameScope() throws Exception {
        List<String> classC = f.subjects("C", 7);
        List<String> classA = f.subjects("A", 3);
        f.awaitSubjects(10);
        String family = "粮食流通";
        given().header("Authorization", DrawFixtures.planner(f.lead))
                .queryParam("department", f.lead).queryParam("itemFamily", family).queryParam("riskClasses", "C")
                .when().get("/read-models/subjects/summary")
                .then().statusCode(200).body("count", equalTo(7)).body("sha256", equalTo(hash(classC)));
        String all = given().header("Authorization", DrawFixtures.witness())
                .queryParam("department", f.lead).queryParam("itemFamily", family)
                .when().get("/read-models/subjects/summary")
                .then().statusCode(200).body("count", equalTo(10)).extract().path("sha256");
        assertThat(all).isEqualTo(hash(concat(classC, classA)));
    }

    @Test
    void summaryOfAnEmptyPoolIsTheHashOfNothing() throws Exception {
        given().header("Authorization", DrawFixtures.planner(f.lead))
                .queryParam("department", "NO-SUCH-DEPT").when().get("/read-models/subjects/summary")
                .then().statusCode(200).body("count", equalTo(0)).body("sha256", equalTo(hash(List.of())));
    }

    @Test
    void summaryNeedsADepartmentAndKnownClasses() {
        given().header("Authorization", DrawFixtures.planner(f.lead)).when().get("/read-models/subjects/summary")
                .then().statusCode(400).body("errors[0].field", equalTo("department"));
        given().header("Authorization", DrawFixtures.planner(f.lead)).queryParam("department", f.lead)
                .queryParam("riskClasses", "E").when().get("/read-models/subjects/summary")
                .then().statusCode(400).body("errors[0].field", equalTo("riskClasses"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String hash(List<String> usccs) throws Exception {
        StringBuilder b = new StringBuilder();
        usccs.stream().sorted().forEach(u -> b.append(u).append('\n'));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
