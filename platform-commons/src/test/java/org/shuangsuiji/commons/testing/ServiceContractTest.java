package org.shuangsuiji.commons.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.security.Roles;

/**
 * What every service promises, whatever it owns: it is ready only with its database and Kafka, documents its API,
 * exposes metrics, checks real signed tokens and answers errors as problem+json. Each service extends this with
 * {@code @QuarkusTest @PlatformTest}.
 */
public abstract class ServiceContractTest {

    /** A GET endpoint that needs a token; every service has {@code /me}, a service may name one of its own. */
    protected String protectedPath() {
        return "/me";
    }

    private String guarded() {
        String path = protectedPath();
        return path == null ? "/me" : path;
    }

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("openapi", startsWith("3."));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void readsRolesAndDepartmentFromARealSignedToken() {
        given().header("Authorization", Tokens.bearer(Tokens.of("planner-1", Set.of(Roles.PLANNER), "YC-FGJ", "140522")))
                .when().get("/me")
                .then().statusCode(200)
                .body("name", equalTo("planner-1"))
                .body("roles", hasItem(Roles.PLANNER))
                .body("department", equalTo("YC-FGJ"))
                .body("division", equalTo("140522"));
    }

    @Test
    void refusesAnonymousCallersWithProblemJson() {
        given().when().get(guarded())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void refusesATokenWithABrokenSignature() {
        String valid = Tokens.of("mallory", Set.of(Roles.AUDITOR));
        String[] parts = valid.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().header("Authorization", Tokens.bearer(forged)).when().get(guarded())
                .then().statusCode(401);
    }

    @Test
    void answersUnknownPathsWithProblemJson() {
        given().header("Authorization", Tokens.bearer(Tokens.of("auditor", Set.of(Roles.AUDITOR))))
                .when().get("/no-such-resource")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
