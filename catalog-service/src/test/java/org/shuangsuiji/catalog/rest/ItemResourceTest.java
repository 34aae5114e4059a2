package org.shuangsuiji.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.KafkaResource;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.commons.testing.Tokens;

@QuarkusTest
@PlatformTest
class ItemResourceTest {

    private static final String DEPT = "PL-NYNCJ";
    private final ObjectMapper mapper = new ObjectMapper();

    private static String planner() {
        return Tokens.bearer(Tokens.of("planner-pl", Set.of(Roles.PLANNER), DEPT, "140603"));
    }

    private static String reviewer() {
        return Tokens.bearer(Tokens.of("reviewer-pl", Set.of(Roles.REVIEWER), DEPT, "140603"));
    }

    private static String body(String code) {
        return """
                {"code":"%s","name":"农药经营监督检查","department":"%s",
                 "legalBasis":[{"law":"农药管理条例","article":"第二十六条"}]}""".formatted(code, DEPT);
    }

    private static String newCode() {
        return "PL-NY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void publishingAnItemEmitsTheWholeVersionAsACloudEvent() throws Exception {
        String code = newCode();
        given().header("Authorization", planner()).contentType(ContentType.JSON).body(body(code))
                .when().post("/items")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("version", equalTo(1));

        try (KafkaCompanion kafka = new KafkaCompanion(KafkaResource.bootstrapServers())) {
            kafka.registerSerde(String.class, Serdes.String());
            ConsumerTask<String, String> task = kafka.consume(String.class, String.class)
                    .withGroupId("probe-" + UUID.randomUUID()).fromTopics("catalog.events");

            given().header("Authorization", reviewer()).when().post("/items/" + code + "/publish")
                    .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("publishedBy", equalTo("reviewer-pl"));

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> task.getRecords().stream().anyMatch(r -> code.equals(r.key())));
            ConsumerRecord<String, String> record =
                    task.getRecords().stream().filter(r -> code.equals(r.key())).findFirst().orElseThrow();
            task.stop();
            JsonNode event = mapper.readTree(record.value());
            assertThat(event.get("type").asText()).isEqualTo("catalog.item.published");
            assertThat(event.get("source").asText()).isEqualTo("/catalog-service");
            assertThat(event.get("subject").asText()).isEqualTo(code);
            assertThat(event.get("dataschemaversion").asInt()).isEqualTo(1);
            assertThat(event.get("data").get("version").asInt()).isEqualTo(1);
            assertThat(event.get("data").get("legalBasis").get(0).get("law").asText()).isEqualTo("农药管理条例");
        }
    }

    @Test
    void rejectsItemWithoutLegalBasisNamingTheField() {
        given().header("Authorization", planner()).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"name\":\"x\",\"department\":\"%s\",\"legalBasis\":[]}".formatted(newCode(), DEPT))
                .when().post("/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("legalBasis"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void rejectsMalformedJsonWith400Problem() {
        given().header("Authorization", planner()).contentType(ContentType.JSON).body("{\"code\": \"A\", ")
                .when().post("/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("malformed-json"));
    }

    @Test
    void rejectsWrongJsonTypeNamingTheField() {
        given().header("Authorization", planner()).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"name\":\"x\",\"department\":\"%s\",\"legalBasis\":\"none\"}".formatted(newCode(), DEPT))
                .when().post("/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("legalBasis"));
    }

    @Test
    void rejectsOversizeBodyWith413Problem() throws Exception {
        // Only the headers are sent: the service must refuse on the declared length without reading 11 MB.
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + planner() + "\r\nContent-Length: " + (11 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Read until the problem's last field: the server may keep the socket open for the unsent body.
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            java.io.InputStream in = socket.getInputStream();
            int b;
            while (!received.toString(java.nio.charset.StandardCharsets.UTF_8).endsWith("}") && (b = in.read()) >= 0) {
                received.write(b);
            }
            String response = received.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).containsIgnoringCase("content-type: application/problem+json");
            assertThat(response).contains("\"status\":413");
        }
    }

    @Test
    void rejectsDuplicateCodeAndKeepsTheFirstItem() {
        String code = newCode();
        given().header("Authorization", planner()).contentType(ContentType.JSON).body(body(code)).post("/items")
                .then().statusCode(201);
        given().header("Authorization", planner()).contentType(ContentType.JSON)
                .body(body(code).replace("农药经营监督检查", "changed"))
                .when().post("/items")
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", planner()).when().get("/items/" + code)
                .then().statusCode(200).body("name", equalTo("农药经营监督检查"));
    }

    @Test
    void inspectorMayNotCreateItems() {
        given().header("Authorization", Tokens.bearer(Tokens.of("insp", Set.of(Roles.INSPECTOR), DEPT, "140603")))
                .contentType(ContentType.JSON).body(body(newCode()))
                .when().post("/items")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void plannerMayNotCreateItemsForAnotherDepartment() {
        given().header("Authorization", Tokens.bearer(Tokens.of("other", Set.of(Roles.PLANNER), "YC-FGJ", "140522")))
                .contentType(ContentType.JSON).body(body(newCode()))
                .when().post("/items")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void pageSizeAboveTheCapIsRejected() {
        given().header("Authorization", planner()).when().get("/items?size=1000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void listsArePagedEnvelopes() {
        given().header("Authorization", planner()).when().get("/items?page=0&size=5")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(5));
    }
}
