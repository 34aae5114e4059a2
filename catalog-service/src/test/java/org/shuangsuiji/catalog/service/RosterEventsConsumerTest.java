package org.shuangsuiji.catalog.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.catalog.Catalog;
import org.shuangsuiji.commons.testing.PlatformTest;

/** The department read model is fed by real roster events on the real broker, each applied once. */
@QuarkusTest
@PlatformTest
class RosterEventsConsumerTest {

    @Test
    void aRegisteredDepartmentBecomesKnownOnceEvenIfRedelivered() throws Exception {
        String code = Catalog.newCode("YC-X");
        String id = UUID.randomUUID().toString();
        String event = Catalog.departmentEvent(id, code, "阳城县某局", "COUNTY", "140522", "JC-FGW");
        String replayWithOtherName = Catalog.departmentEvent(id, code, "被篡改的名称", "COUNTY", "140522", "JC-FGW");
        Catalog.produce("roster.events", code, event, replayWithOtherName);
        Catalog.awaitKnown(code);
        Thread.sleep(1000);
        given().when().get("/public/departments/" + code)
                .then().statusCode(200).body("name", equalTo("阳城县某局")).body("level", equalTo("COUNTY"))
                .body("divisionCode", equalTo("140522")).body("parentCode", equalTo("JC-FGW"));
    }

    @Test
    void otherRosterEventsAreIgnoredAndItemsOfTheNewDepartmentAreAccepted() {
        String code = Catalog.newCode("YC-Y");
        String subject = Catalog.json(java.util.Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(),
                "source", "/roster-service", "type", "roster.subject.registered", "subject", "91140522MA0K3L8P4X",
                "time", "2026-11-22T04:00:00Z", "dataschemaversion", 1,
                "data", java.util.Map.of("uscc", "91140522MA0K3L8P4X", "name", "某公司")));
        Catalog.produce("roster.events", "91140522MA0K3L8P4X", subject);
        given().header("Authorization", Catalog.admin()).contentType("application/json")
                .body(Catalog.item(Catalog.newCode("YC-Y"), code, "x"))
                .when().post("/items").then().statusCode(400);
        Catalog.department(code, "阳城县新设局", "COUNTY", "140522", "JC-FGW");
        given().header("Authorization", Catalog.admin()).contentType("application/json")
                .body(Catalog.item(Catalog.newCode("YC-Y"), code, "x"))
                .when().post("/items").then().statusCode(201);
    }
}
