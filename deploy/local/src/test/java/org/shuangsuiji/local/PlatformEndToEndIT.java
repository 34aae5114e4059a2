package org.shuangsuiji.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform, for real: PostgreSQL, a Kafka broker JVM, Keycloak and the five packaged services, started by
 * the launcher's own code on free ports with a temporary data directory (so a running local platform is not
 * disturbed). Tokens come from Keycloak by password grant.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    private static Path runDir;
    private static LocalPlatform platform;
    private static Settings settings;
    private static KeycloakTokens tokens;

    @BeforeAll
    static void startPlatform() throws IOException {
        Path repoRoot = Settings.findRepoRoot();
        runDir = Files.createTempDirectory("shuangsuiji-e2e-");
        // Keycloak's home is reused across test runs (its first start builds it, ~1 min); it keeps no data there.
        Path keycloakHome = Path.of(Settings.build().getProperty("launcher.build.dir")).resolve("keycloak-e2e");
        settings = Settings.ephemeral(repoRoot, runDir, keycloakHome);
        platform = new LocalPlatform(settings);
        try {
            platform.start();
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        System.out.println("[e2e] timings: " + platform.timings());
        tokens = new KeycloakTokens(settings.tokenEndpoint());
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (platform != null) {
            platform.close();
        }
        if (runDir != null) {
            KeycloakServer.deleteTree(runDir);
        }
    }

    @Test
    @Order(1)
    void keycloakTokensCarryRolesAndDepartmentClaims() {
        Map<String, Object> claims = claims(tokens.forDemoUser("planner-pl-nync"));
        assertEquals("PL-NYNCJ", claims.get("department"));
        assertEquals("140603", claims.get("division"));
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
        assertTrue(roles.contains("planner"), "realm_access.roles = " + roles);
    }

    @Test
    @Order(2)
    void anonymousWriteIsUnauthorized() {
        given().contentType(ContentType.JSON).body(WalkingSkeletonDemoData.ITEM_JSON)
                .when().post(settings.serviceUrl("catalog-service") + "/items")
                .then().statusCode(401);
    }

    @Test
    @Order(3)
    void inspectorMayNotCreateItems() {
        given().auth().oauth2(tokens.forDemoUser("inspector-pl-nync-1"))
                .contentType(ContentType.JSON).body(WalkingSkeletonDemoData.ITEM_JSON)
                .when().post(settings.serviceUrl("catalog-service") + "/items")
                .then().statusCode(403);
    }

    @Test
    @Order(4)
    void publishedItemReachesThePublicList() {
        String catalog = settings.serviceUrl("catalog-service");
        given().auth().oauth2(tokens.forDemoUser("planner-pl-nync"))
                .contentType(ContentType.JSON).body(WalkingSkeletonDemoData.ITEM_JSON)
                .when().post(catalog + "/items")
                .then().statusCode(201).body("code", equalTo(WalkingSkeletonDemoData.ITEM_CODE));

        given().auth().oauth2(tokens.forDemoUser("reviewer-pl-nync"))
                .when().post(catalog + "/items/" + WalkingSkeletonDemoData.ITEM_CODE + "/publish")
                .then().statusCode(200);

        String publicList = settings.serviceUrl("publication-service") + "/public/items?page=0&size=20";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath page;
        while (true) {
            Response r = given().accept(ContentType.JSON).when().get(publicList);
            assertEquals(200, r.statusCode(), () -> "public list: " + r.asString());
            page = r.jsonPath();
            if (page.getList("items.code").contains(WalkingSkeletonDemoData.ITEM_CODE)) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "item not in the public list after 60 s: " + r.asString());
            ChildProcess.sleep(1000);
        }
        Map<String, Object> item = page.getMap("items.find { it.code == '" + WalkingSkeletonDemoData.ITEM_CODE + "' }");
        assertEquals(1, item.get("version"));
        assertEquals("农药经营监督检查", item.get("name"));
        assertEquals("PL-NYNCJ", item.get("department"));
        assertTrue(page.getInt("total") >= 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        byte[] json = java.util.Base64.getUrlDecoder().decode(payload);
        return JsonPath.from(new String(json, java.nio.charset.StandardCharsets.UTF_8)).getMap("");
    }
}
