package org.shuangsuiji.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.KafkaResource;
import org.shuangsuiji.commons.testing.Tokens;

/**
 * Test fixtures: tokens, departments made known the way production does it (roster events on the real broker), item
 * bodies, and the whole review path in one call.
 */
public final class Catalog {

    public static final String PL = "PL-NYNCJ";
    public static final String FGJ = "YC-FGJ";
    public static final String SCJ = "YC-SCJGJ";
    public static final String SWJ = "YC-SWJ";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Catalog() {}

    /** The seeds' departments, registered once per test JVM through roster.department.registered events. */
    public static void departments() {
        department("SX-NYNCT", "山西省农业农村厅", "PROVINCE", "140000", null);
        department("SZ-NYNCJ", "朔州市农业农村局", "CITY", "140600", "SX-NYNCT");
        department(PL, "平鲁区农业农村局", "COUNTY", "140603", "SZ-NYNCJ");
        department("JC-FGW", "晋城市发展和改革委员会", "CITY", "140500", null);
        department(FGJ, "阳城县发展和改革局", "COUNTY", "140522", "JC-FGW");
        department("JC-SCJGJ", "晋城市市场监督管理局", "CITY", "140500", null);
        department(SCJ, "阳城县市场监督管理局", "COUNTY", "140522", "JC-SCJGJ");
        department(SWJ, "阳城县水务局", "COUNTY", "140522", "JC-SLJ");
    }

    public static void department(String code, String name, String level, String division, String parent) {
        if (KNOWN.contains(code)) {
            return;
        }
        produce("roster.events", code, departmentEvent(UUID.randomUUID().toString(), code, name, level, division, parent));
        awaitKnown(code);
        KNOWN.add(code);
    }

    public static String departmentEvent(String id, String code, String name, String level, String division, String parent) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("code", code, "name", name, "level", level,
                "divisionCode", division, "createdBy", "root", "createdAt", "2026-11-22T04:00:00Z",
                "aFieldAddedLater", "ignored"));
        data.put("parentCode", parent);
        return json(Map.of("specversion", "1.0", "id", id, "source", "/roster-service",
                "type", "roster.department.registered", "subject", code, "time", "2026-11-22T04:00:00Z",
                "datacontenttype", "application/json", "dataschemaversion", 1, "data", data));
    }

    public static void awaitKnown(String code) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/public/departments/" + code).statusCode() == 200);
    }

    public static void produce(String topic, String key, String... values) {
        try (KafkaCompanion kafka = new KafkaCompanion(KafkaResource.bootstrapServers())) {
            kafka.registerSerde(String.class, Serdes.String());
            kafka.produce(String.class, String.class)
                    .fromRecords(java.util.Arrays.stream(values).map(v -> new ProducerRecord<>(topic, key, v)).toList())
                    .awaitCompletion();
        }
    }

    /** Reads catalog.events from the beginning until an event of {@code type} keyed {@code key} shows up. */
    public static JsonNode awaitEvent(String key, String type) {
        try (KafkaCompanion kafka = new KafkaCompanion(KafkaResource.bootstrapServers())) {
            kafka.registerSerde(String.class, Serdes.String());
            ConsumerTask<String, String> task = kafka.consume(String.class, String.class)
                    .withGroupId("probe-" + UUID.randomUUID()).fromTopics("catalog.events");
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> find(task.getRecords(), key, type) != null);
                return find(task.getRecords(), key, type);
            } finally {
                task.stop();
            }
        }
    }

    private static JsonNode find(List<ConsumerRecord<String, String>> records, String key, String type) {
        for (ConsumerRecord<String, String> r : records) {
            if (key.equals(r.key())) {
                JsonNode event = read(r.value());
                if (type.equals(event.get("type").asText())) {
                    return event;
                }
            }
        }
        return null;
    }

    public static String admin() {
        return Tokens.bearer(Tokens.of("admin", Set.of(Roles.PLATFORM_ADMIN)));
    }

    public static String planner(String department) {
        return Tokens.bearer(Tokens.of("planner-" + department, Set.of(Roles.PLANNER), department, "140522"));
    }

    public static String reviewer(String department) {
        return Tokens.bearer(Tokens.of("reviewer-" + department, Set.of(Roles.REVIEWER), department, "140522"));
    }

    public static String as(String user, String role, String department) {
        return Tokens.bearer(Tokens.of(user, Set.of(role), department, "140522"));
    }

    public static String newCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A complete, valid item body; {@code overrides} replaces or adds top-level fields (raw JSON values). */
    public static String item(String code, String department, String name, String... overrides) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("code", q(code));
        fields.put("name", q(name));
        fields.put("category", q("农药监督检查"));
        fields.put("objectDescription", q("农药经营者"));
        fields.put("department", q(department));
        fields.put("legalBasis", "[{\"law\":\"农药管理条例\",\"article\":\"第二十六条\"}]");
        fields.put("content", q("农药经营许可、进销货台账、标签"));
        fields.put("methods", "[\"ON_SITE\",\"DOCUMENTARY\"]");
        fields.put("itemClass", q("KEY"));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                fields.remove(overrides[i]);
            } else {
                fields.put(overrides[i], overrides[i + 1]);
            }
        }
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }

    public static String q(String s) {
        return json(s);
    }

    /** Creates an item as the department's planner and takes it through review to published (admin reviews). */
    public static void publishedItem(String code, String department, String name, String... overrides) {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(item(code, department, name, overrides))
                .when().post("/items").then().statusCode(201);
        for (String step : List.of("submit", "approve", "publish")) {
            given().header("Authorization", admin()).when().post("/items/" + code + "/" + step).then().statusCode(200);
        }
    }

    public static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
