package org.shuangsuiji.publication.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.testing.KafkaResource;
import org.shuangsuiji.commons.testing.PlatformTest;

/** The public list is built from catalog events read off the real broker, each applied once. */
@QuarkusTest
@PlatformTest
class PublicItemResourceTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private String event(String id, String code, int version, String name) throws Exception {
        return mapper.writeValueAsString(Map.of(
                "specversion", "1.0", "id", id, "source", "/catalog-service", "type", "catalog.item.published",
                "subject", code, "time", "2026-11-22T03:00:00Z", "dataschemaversion", 1,
                "data", Map.of("code", code, "version", version, "name", name, "department", "YC-FGJ",
                        "legalBasis", List.of(Map.of("law", "粮食流通管理条例")), "publishedAt", "2026-11-22T03:00:00Z",
                        "publishedBy", "reviewer", "aFieldAddedLater", "ignored")));
    }

    private void send(String code, String... events) {
        try (KafkaCompanion kafka = new KafkaCompanion(KafkaResource.bootstrapServers())) {
            kafka.registerSerde(String.class, Serdes.String());
            kafka.produce(String.class, String.class)
                    .fromRecords(java.util.Arrays.stream(events).map(e -> new ProducerRecord<>("catalog.events", code, e)).toList())
                    .awaitCompletion();
        }
    }

    private Map<String, Object> publicItem(String code) {
        JsonPath page = given().when().get("/public/items?size=200").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(i -> code.equals(i.get("code"))).findFirst().orElse(null);
    }

    @Test
    void publishedItemAppearsOnThePublicListWithoutAToken() throws Exception {
        String code = "YC-LS-" + UUID.randomUUID().toString().substring(0, 6);
        String id = UUID.randomUUID().toString();
        String event = event(id, code, 1, "粮食收购资格检查");
        send(code, event, event); // a redelivery

        await().atMost(Duration.ofSeconds(30)).until(() -> publicItem(code) != null);
        given().when().get("/public/items?size=200")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(200));
        Map<String, Object> item = publicItem(code);
        org.assertj.core.api.Assertions.assertThat(item).containsEntry("version", 1).containsEntry("name", "粮食收购资格检查");
    }

    @Test
    void anOlderVersionArrivingLateDoesNotReplaceANewerOne() throws Exception {
        String code = "YC-LS-" + UUID.randomUUID().toString().substring(0, 6);
        send(code, event(UUID.randomUUID().toString(), code, 2, "v2"), event(UUID.randomUUID().toString(), code, 1, "v1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> publicItem(code) != null);
        Thread.sleep(1000);
        org.assertj.core.api.Assertions.assertThat(publicItem(code)).containsEntry("version", 2).containsEntry("name", "v2");
    }
}
