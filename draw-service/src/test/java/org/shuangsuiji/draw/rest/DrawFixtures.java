package org.shuangsuiji.draw.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.KafkaResource;
import org.shuangsuiji.commons.testing.Tokens;

/**
 * Test data for draw-service, delivered the way production delivers it: REAL CloudEvents produced to the real broker
 * on catalog.events and roster.events, consumed by the service's own consumers into its read models. Department
 * codes are unique per fixture, so tests never see each other's subjects.
 */
final class DrawFixtures implements AutoCloseable {

    private static final String BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int YEAR = LocalDate.now().getYear();

    final String lead;
    final String coop;
    final ObjectMapper mapper = new ObjectMapper();
    final KafkaCompanion kafka;
    final AgroalDataSource db;

    DrawFixtures(AgroalDataSource db) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        this.lead = "YC-FGJ-" + suffix;
        this.coop = "YC-SCJGJ-" + suffix;
        this.db = db;
        this.kafka = new KafkaCompanion(KafkaResource.bootstrapServers());
        kafka.registerSerde(String.class, Serdes.String());
    }

    @Override
    public void close() {
        kafka.close();
    }

    // --- tokens --------------------------------------------------------------------------------------------------

    static String planner(String department) {
        return Tokens.bearer(Tokens.of("planner-" + department, Set.of(Roles.PLANNER), department, "140522"));
    }

    static String head(String department) {
        return Tokens.bearer(Tokens.of("head-" + department, Set.of(Roles.DEPARTMENT_HEAD), department, "140522"));
    }

    static String witness() {
        return Tokens.bearer(Tokens.of("witness-yc-jjz", Set.of(Roles.WITNESS), "YC-JJZ", "140522"));
    }

    static String auditor() {
        return Tokens.bearer(Tokens.of("auditor", Set.of(Roles.AUDITOR)));
    }

    static String uscc() {
        StringBuilder b = new StringBuilder("91140522");
        for (int i = 0; i < 10; i++) {
            b.append(BODY.charAt(ThreadLocalRandom.current().nextInt(BODY.length())));
        }
        return b.toString();
    }

    // --- events --------------------------------------------------------------------------------------------------

    String event(String source, String type, String subject, Object data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", source);
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", Instant.now().toString());
        e.put("datacontenttype", "application/json");
        e.put("dataschemaversion", 1);
        e.put("data", data);
        try {
            return mapper.writeValueAsString(e);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    void send(String topic, String key, String json) {
        kafka.produce(String.class, String.class).fromRecords(List.of(new ProducerRecord<>(topic, key, json)))
                .awaitCompletion();
    }

    void item(String code, int version, String department, List<String> requiredTags) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", code);
        d.put("version", version);
        d.put("name", "粮食收购监督检查 " + code);
        d.put("category", "粮食流通");
        d.put("department", department);
        d.put("legalBasis", List.of(Map.of("law", "粮食流通管理条例", "article", "第三十九条")));
        d.put("methods", List.of("ON_SITE"));
        d.put("itemClass", "KEY");
        d.put("defaultRatio", "0.05");
        d.put("frequency", 1);
        d.put("minTeamSize", 2);
        d.put("requiredTags", requiredTags);
        d.put("publishedAt", Instant.now().toString());
        d.put("publishedBy", "reviewer");
        d.put("someFutureField", "ignored");
        send("catalog.events", code, event("/catalog-service", "catalog.item.published", code, d));
    }

    void retire(String code, int version) {
        send("catalog.events", code, event("/catalog-service", "catalog.item.retired", code,
                Map.of("code", code, "version", version, "retiredAt", Instant.now().toString(), "retiredBy", "reviewer")));
    }

    void rules(String department, String a, String b, String c, String d, int minimum, Integer maxPerYear,
            boolean classANotTwice) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", department);
        data.put("department", department);
        data.put("itemCode", null);
        data.put("version", 1);
        data.put("ratios", Map.of("A", a, "B", b, "C", c, "D", d));
        data.put("minimumCount", minimum);
        data.put("maxInspectionsPerSubjectPerYear", maxPerYear);
        data.put("windows", List.of());
        data.put("classANotTwicePerYear", classANotTwice);
        data.put("inspectWorkingDays", 5);
        data.put("resultEntryWorkingDays", 20);
        send("catalog.events", department, event("/catalog-service", "catalog.rules.published", department, data));
    }

    /**
     * Rules with inspection windows ({@code MM-DD} pairs): the department's own, or one item's when {@code itemCode}
     * is given (key {@code department/itemCode}).
     */
    void rulesWithWindows(String department, String itemCode, List<List<String>> windows) {
        String key = itemCode == null ? department : department + "/" + itemCode;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", key);
        data.put("department", department);
        data.put("itemCode", itemCode);
        data.put("version", 1);
        data.put("ratios", Map.of("A", "0.1", "B", "0.2", "C", "0.3", "D", "0.5"));
        data.put("minimumCount", 3);
        data.put("maxInspectionsPerSubjectPerYear", null);
        data.put("windows", windows.stream().map(w -> Map.of("from", w.get(0), "to", w.get(1))).toList());
        data.put("classANotTwicePerYear", false);
        data.put("inspectWorkingDays", 5);
        data.put("resultEntryWorkingDays", 20);
        send("catalog.events", key, event("/catalog-service", "catalog.rules.published", key, data));
    }

    static Map<String, Object> subjectState(String uscc, List<String> departments, String riskClass, int revision) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("uscc", uscc);
        s.put("name", "阳城县粮油收购企业 " + uscc.substring(12));
        s.put("kind", "ENTERPRISE");
        s.put("industryCode", "F5111");
        s.put("divisionCode", "140522");
        s.put("address", "阳城县凤城镇");
        s.put("status", "ACTIVE");
        s.put("departments", departments);
        s.put("itemFamilies", List.of("粮食流通"));
        s.put("risk", riskClass == null ? null : Map.of("riskClass", riskClass, "asOf", "2026-06-30", "source", "test"));
        s.put("tags", List.of());
        s.put("revision", revision);
        return s;
    }

    void subject(String type, Map<String, Object> state) {
        String uscc = (String) state.get("uscc");
        send("roster.events", uscc, event("/roster-service", type, uscc, state));
    }

    /** Subjects of the lead department's directory, by class, through batch import events of at most 500. */
    List<String> subjects(String riskClass, int n) {
        List<String> usccs = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String u = uscc();
            usccs.add(u);
            batch.add(subjectState(u, List.of(lead), riskClass, 0));
            if (batch.size() == 500 || i == n - 1) {
                String job = UUID.randomUUID().toString();
                send("roster.events", job, event("/roster-service", "roster.subjects.imported", job,
                        Map.of("jobId", job, "subjects", new ArrayList<>(batch))));
                batch.clear();
            }
        }
        return usccs;
    }

    String inspector(String department, String kind, List<String> expertise) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("department", department);
        d.put("name", "检查员" + id.substring(0, 4));
        d.put("kind", kind);
        d.put("certificateNumber", kind.equals("OFFICER") ? "C" + id.substring(0, 8) : null);
        d.put("certificateValidFrom", kind.equals("OFFICER") ? "2020-01-01" : null);
        d.put("certificateValidTo", kind.equals("OFFICER") ? "2035-12-31" : null);
        d.put("regionDivisionCode", "140522");
        d.put("yearlyWorkloadCap", 60);
        d.put("expertise", expertise);
        d.put("availability", List.of());
        d.put("revision", 0);
        send("roster.events", id, event("/roster-service", "roster.inspector.registered", id, d));
        return id;
    }

    void conflict(String inspectorId, String uscc) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", UUID.randomUUID().toString());
        d.put("inspectorId", inspectorId);
        d.put("uscc", uscc);
        d.put("kind", "KINSHIP");
        d.put("reason", "配偶任该公司监事");
        d.put("validFrom", "2020-01-01");
        d.put("validTo", null);
        send("roster.events", inspectorId, event("/roster-service", "roster.conflict.declared", inspectorId, d));
    }

    // --- database -------------------------------------------------------------------------------------------------

    long count(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void awaitCount(long expected, String sql, Object... params) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> count(sql, params) == expected);
    }

    /** Waits until the read models hold the lead department's subjects and inspectors and the item. */
    void awaitSubjects(long n) {
        awaitCount(n, "SELECT count(*) FROM roster_subject WHERE ? = ANY (departments)", lead);
    }

    // --- plan and task ----------------------------------------------------------------------------------------------

    String taskJson(String items, String extra) {
        return """
                {"name":"部门联合粮食企业监督检查","joint":true,"cooperatingDepartments":["%s"],"drawLevel":"COUNTY_COUNTY",
                 "items":[%s],"frequency":"1 次/年","periodFrom":"%d-01-01","periodTo":"%d-12-31","teamSize":2%s}"""
                .formatted(coop, items, YEAR, YEAR, extra == null ? "" : "," + extra);
    }

    String createPlan() {
        return given().header("Authorization", planner(lead)).contentType(ContentType.JSON)
                .body("{\"year\":%d,\"title\":\"%s %d 年度双随机抽查工作计划\",\"joint\":true}".formatted(YEAR, lead, YEAR))
                .when().post("/plans").then().statusCode(201).extract().path("id");
    }

    ValidatableResponse addTask(String planId, String json) {
        return given().header("Authorization", planner(lead)).contentType(ContentType.JSON).body(json)
                .when().post("/plans/" + planId + "/tasks").then();
    }

    void fileAndPublish(String planId) {
        given().header("Authorization", head(lead)).contentType(ContentType.JSON)
                .body("{\"filedWith\":\"阳城县市场监管领域双随机一公开监管工作领导小组办公室\"}")
                .when().post("/plans/" + planId + "/file").then().statusCode(200);
        given().header("Authorization", head(lead)).contentType(ContentType.JSON).body("{}")
                .when().post("/plans/" + planId + "/publish").then().statusCode(200);
    }
}
