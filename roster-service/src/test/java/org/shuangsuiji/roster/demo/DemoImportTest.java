package org.shuangsuiji.roster.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.commons.testing.Tokens;

/** What the local run's loader does: the shared departments, then the generator's files through the import API. */
@QuarkusTest
@PlatformTest
class DemoImportTest {

    private static final String[][] DEPARTMENTS = {
            {"SX-SCJGJ", "PROVINCE", "140000", null}, {"JC-SCJGJ", "CITY", "140500", "SX-SCJGJ"},
            {"YC-SCJGJ", "COUNTY", "140522", "JC-SCJGJ"}, {"XZ-SCJGJ", "CITY", "140900", "SX-SCJGJ"},
            {"YP-SCJGJ", "COUNTY", "140981", "XZ-SCJGJ"}, {"SX-FGW", "PROVINCE", "140000", null},
            {"JC-FGW", "CITY", "140500", "SX-FGW"}, {"YC-FGJ", "COUNTY", "140522", "JC-FGW"},
            {"SX-TJJ", "PROVINCE", "140000", null}, {"JC-TJJ", "CITY", "140500", "SX-TJJ"},
            {"YC-TJJ", "COUNTY", "140522", "JC-TJJ"}, {"SX-SLT", "PROVINCE", "140000", null},
            {"JC-SLJ", "CITY", "140500", "SX-SLT"}, {"YC-SWJ", "COUNTY", "140522", "JC-SLJ"},
            {"SX-NYNCT", "PROVINCE", "140000", null}, {"SZ-NYNCJ", "CITY", "140600", "SX-NYNCT"},
            {"PL-NYNCJ", "COUNTY", "140603", "SZ-NYNCJ"}};

    private static final String ADMIN = Tokens.bearer(Tokens.of("admin", Set.of(Roles.PLATFORM_ADMIN)));

    @Test
    void theGeneratedFilesImportWithoutARejectedRowAndASecondLoadChangesNothing() {
        for (String[] d : DEPARTMENTS) {
            int status = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body("{\"code\":\"%s\",\"name\":\"%s\",\"level\":\"%s\",\"divisionCode\":\"%s\",\"parentCode\":%s}"
                            .formatted(d[0], d[0], d[1], d[2], d[3] == null ? "null" : "\"" + d[3] + "\""))
                    .when().post("/departments").then().extract().statusCode();
            assertThat(status).isIn(201, 409);
        }
        for (int run = 0; run < 2; run++) {
            byte[] subjects = given().header("Authorization", ADMIN).accept("text/csv")
                    .when().get("/demo/subjects.csv?count=500").then().statusCode(200).extract().asByteArray();
            JsonPath s = load("/imports/subjects", subjects);
            assertThat(s.getLong("rowsRejected")).isZero();
            assertThat(run == 0 ? s.getLong("rowsCreated") + s.getLong("rowsUnchanged") : s.getLong("rowsUnchanged")).isEqualTo(500);
            byte[] inspectors = given().header("Authorization", ADMIN).accept("text/csv")
                    .when().get("/demo/inspectors.csv").then().statusCode(200).extract().asByteArray();
            JsonPath i = load("/imports/inspectors", inspectors);
            assertThat(i.getLong("rowsRejected")).isZero();
            assertThat(i.getLong("rowsRead")).isBetween(140L, 160L);
            if (run == 1) {
                assertThat(s.getLong("rowsChanged") + s.getLong("rowsCreated")).isZero();
                assertThat(i.getLong("rowsChanged") + i.getLong("rowsCreated")).isZero();
            }
        }
        given().header("Authorization", Tokens.bearer(Tokens.of("planner", Set.of(Roles.PLANNER), "YC-FGJ", "140522")))
                .when().get("/snapshots/inspectors/summary?asOf=2026-06-01&department=YC-FGJ&expertise=GRAIN")
                .then().statusCode(200).body("count", org.hamcrest.Matchers.greaterThan(0));
        given().header("Authorization", Tokens.bearer(Tokens.of("planner", Set.of(Roles.PLANNER), "PL-NYNCJ", "140603")))
                .when().get("/subjects?department=PL-NYNCJ&size=1")
                .then().statusCode(200).body("items[0].divisionCode", equalTo("140603"));
    }

    private JsonPath load(String path, byte[] csv) {
        String location = given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post(path).then().statusCode(202).extract().header("Location");
        JsonPath[] job = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
            job[0] = given().header("Authorization", ADMIN).when().get(location).then().statusCode(200).extract().jsonPath();
            return !job[0].getString("state").equals("QUEUED") && !job[0].getString("state").equals("RUNNING");
        });
        assertThat(job[0].getString("state")).isEqualTo("SUCCEEDED");
        return job[0];
    }
}
