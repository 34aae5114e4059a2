package org.shuangsuiji.commons.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.testing.PlatformTest;

@QuarkusTest
@PlatformTest
class ProblemMappersTest {

    @Test
    void unknownEnumQueryValueIsA400NamingTheParameterAndTheAllowedValues() {
        given().when().get("/public/probe?colour=BLUE")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("colour"))
                .body("errors[0].reason", containsString("RED, GREEN"));
    }

    @Test
    void knownEnumQueryValueIsAccepted() {
        given().when().get("/public/probe?colour=GREEN").then().statusCode(200).body(equalTo("GREEN"));
    }
}
