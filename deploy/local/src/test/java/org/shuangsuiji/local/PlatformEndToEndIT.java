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

    /**
     * What the README's run command loads, loaded the same way: roster's directories through the import API, the
     * catalog's items, scenario and rules through review, the walking-skeleton item, and the seeds' 阳城县发改局 plan
     * planned, filed, published, announced, revealed by the witness and computed, all with real Keycloak tokens.
     */
    @Test
    @Order(4)
    void demoDataLoadsCompletely() {
        assertEquals(List.of(), DemoData.loadAll(demoContext()));
    }

    @Test
    @Order(5)
    void publishedItemReachesThePublicList() {
        String publicList = settings.serviceUrl("publication-service") + "/public/items?page=0&size=200";
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
    }

    @Test
    @Order(6)
    void catalogShowsTheSeedsListsWithoutAToken() {
        String catalog = settings.serviceUrl("catalog-service");
        List<String> pingLu = given().accept(ContentType.JSON).when().get(catalog + "/public/items?department=PL-NYNCJ&size=200")
                .then().statusCode(200).extract().jsonPath().getList("items.code");
        assertTrue(pingLu.containsAll(List.of("PL-NY-001", "PL-NY-002", "PL-NY-003", "PL-NY-004", "PL-NY-005", "PL-NY-006",
                "PL-NY-007")), "平鲁区农业农村局's published items: " + pingLu);
        String joint = given().accept(ContentType.JSON).when().get(catalog + "/public/joint-items?department=YC-FGJ")
                .then().statusCode(200).extract().asString();
        assertTrue(joint.contains("YC-FG-LS-001") && joint.contains("YC-SC-005"), "joint list: " + joint);
        given().when().get(catalog + "/public/items?department=YC-SWJ&format=csv")
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString("取水许可监督检查"));
    }

    @Test
    @Order(7)
    void seedsPlanIsPublishedAndEveryTaskIsDrawnWithAVerifiableRecord() throws Exception {
        String draw = settings.serviceUrl("draw-service");
        JsonPath plans = given().accept(ContentType.JSON).when().get(draw + "/public/plans?department=YC-FGJ&size=200")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, plans.getInt("total"), () -> "published plans of YC-FGJ: " + plans.prettify());
        List<Map<String, Object>> tasks = plans.getList("items[0].plan.tasks");
        assertEquals(3, tasks.size());
        assertEquals(List.of("YC-FGJ", "YC-TJJ", "YC-FGJ"), tasks.stream().map(t -> t.get("leadDepartment")).toList());
        for (Map<String, Object> task : tasks) {
            List<Map<String, Object>> draws = given().accept(ContentType.JSON)
                    .when().get(draw + "/public/tasks/" + task.get("id") + "/draws")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            assertEquals(1, draws.size(), () -> "draws of task " + task.get("name"));
            assertEquals("COMPUTED", draws.get(0).get("status"));
            Response record = given().when().get(draw + "/public/draws/" + draws.get(0).get("id") + "/record");
            assertEquals(200, record.statusCode());
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(record.asByteArray()));
            assertEquals(record.header("X-Content-SHA256"), sha, "the record is served byte for byte as hashed");
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) draws.get(0).get("result");
            assertEquals(sha, result.get("recordSha256"));
            assertTrue(((Number) result.get("selected")).intValue() >= 3, () -> "selected: " + result);
        }
    }

    /**
     * A witness downloads what a draw froze and runs the project's offline verifier jar on it, as a separate program:
     * the seeds' first task's record is VALID, and the same record with one selection swapped for another pool member is
     * not.
     */
    @Test
    @Order(8)
    void theOfflineVerifierJarAcceptsADemoDrawAndRejectsItWithOneChangedSelection() throws Exception {
        String draw = settings.serviceUrl("draw-service");
        String witness = tokens.forDemoUser("witness-yc-jjz");
        String taskId = given().when().get(draw + "/public/plans?department=YC-FGJ&size=200").then().statusCode(200)
                .extract().jsonPath().getString("items[0].plan.tasks[0].id");
        JsonPath drawView = given().when().get(draw + "/public/tasks/" + taskId + "/draws").then().statusCode(200)
                .extract().jsonPath();
        String drawId = drawView.getString("items[0].id");
        Path dir = Files.createDirectories(runDir.resolve("verify-" + drawId));
        Path pools = Files.createDirectories(dir.resolve("pools"));
        for (String stratum : drawView.<String>getList("items[0].strata.stratum")) {
            Files.writeString(pools.resolve(stratum + ".ndjson"), given().auth().oauth2(witness)
                    .when().get(draw + "/draws/" + drawId + "/pools/" + stratum).then().statusCode(200).extract().asString());
        }
        for (String part : List.of("inspectors", "conflicts")) {
            Files.writeString(dir.resolve(part + ".ndjson"), given().auth().oauth2(witness)
                    .when().get(draw + "/draws/" + drawId + "/" + part).then().statusCode(200).extract().asString());
        }
        Files.writeString(dir.resolve("strata-map.json"), given().auth().oauth2(witness)
                .when().get(draw + "/draws/" + drawId + "/strata-map").then().statusCode(200).extract().asString());
        String record = given().when().get(draw + "/public/draws/" + drawId + "/record").then().statusCode(200)
                .extract().asString();
        Files.writeString(dir.resolve("record.json"), record);

        Verification valid = verify(dir, "record.json");
        assertEquals(0, valid.exitCode(), valid.output());
        assertTrue(valid.output().startsWith("VALID"), valid.output());

        String selected = JsonPath.from(record).getString("selections[0].selections[0].uscc");
        String other = null;
        for (Path pool : Files.list(pools).sorted().toList()) {
            for (String line : Files.readAllLines(pool)) {
                String uscc = JsonPath.from(line).getString("uscc");
                if (uscc != null && !record.contains(uscc)) {
                    other = uscc;
                    break;
                }
            }
            if (other != null) {
                break;
            }
        }
        assertTrue(other != null, "every pool member was selected: nothing to swap in");
        Files.writeString(dir.resolve("tampered.json"), record.replace(selected, other));
        Verification tampered = verify(dir, "tampered.json");
        assertEquals(1, tampered.exitCode(), tampered.output());
        assertTrue(tampered.output().startsWith("INVALID"), tampered.output());
    }

    private record Verification(int exitCode, String output) {}

    private static Verification verify(Path dir, String record) throws IOException, InterruptedException {
        Path jar = Settings.findRepoRoot().resolve("draw-service/target/draw-verifier.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is built by the draw-service module");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), record, "--pools", "pools", "--inspectors", "inspectors.ndjson", "--conflicts",
                "conflicts.ndjson", "--strata-map", "strata-map.json")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Verification(p.waitFor(), out);
    }

    @Test
    @Order(9)
    void loadingTheDemoDataAgainChangesNothing() {
        String draw = settings.serviceUrl("draw-service");
        String before = given().when().get(draw + "/public/plans?department=YC-FGJ&size=200").then().statusCode(200)
                .extract().asString();
        assertEquals(List.of(), DemoData.loadAll(demoContext()));
        String after = given().when().get(draw + "/public/plans?department=YC-FGJ&size=200").then().statusCode(200)
                .extract().asString();
        assertEquals(before, after);
    }

    private static DemoData.Context demoContext() {
        return new DemoData.Context(settings, tokens, new Http());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        byte[] json = java.util.Base64.getUrlDecoder().decode(payload);
        return JsonPath.from(new String(json, java.nio.charset.StandardCharsets.UTF_8)).getMap("");
    }
}
