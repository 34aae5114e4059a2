package org.shuangsuiji.draw.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.testing.PlatformTest;

/**
 * Before announcing, a planner compares draw-service's copy of a pool with roster's summary: same count, same hash
 * (uscc + '\n' per subject in canonical order) when the read model is current.
 */
@QuarkusTest
@PlatformTest
class ReadModelSummaryTest {

    @Inject
    AgroalDataSource db;

    private DrawFixtures f;

    @BeforeEach
    void fixtures() {
        f = new DrawFixtures(db);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void summaryOfAPoolIsItsCountAndTheHashRosterComputesForTheSameScope() throws Exception {
        List<String> classC = f.subjects("C", 7);
        List<String> classA = f.subjects("A", 3);
        f.awaitSubjects(10);
        String family = "粮食流通";
        given().header("Authorization", DrawFixtures.planner(f.lead))
                .queryParam("department", f.lead).queryParam("itemFamily", family).queryParam("riskClasses", "C")
                .when().get("/read-models/subjects/summary")
                .then().statusCode(200).body("count", equalTo(7)).body("sha256", equalTo(hash(classC)));
        String all = given().header("Authorization", DrawFixtures.witness())
                .queryParam("department", f.lead).queryParam("itemFamily", family)
                .when().get("/read-models/subjects/summary")
                .then().statusCode(200).body("count", equalTo(10)).extract().path("sha256");
        assertThat(all).isEqualTo(hash(concat(classC, classA)));
    }

    @Test
    void summaryOfAnEmptyPoolIsTheHashOfNothing() throws Exception {
        given().header("Authorization", DrawFixtures.planner(f.lead))
                .queryParam("department", "NO-SUCH-DEPT").when().get("/read-models/subjects/summary")
                .then().statusCode(200).body("count", equalTo(0)).body("sha256", equalTo(hash(List.of())));
    }

    @Test
    void summaryNeedsADepartmentAndKnownClasses() {
        given().header("Authorization", DrawFixtures.planner(f.lead)).when().get("/read-models/subjects/summary")
                .then().statusCode(400).body("errors[0].field", equalTo("department"));
        given().header("Authorization", DrawFixtures.planner(f.lead)).queryParam("department", f.lead)
                .queryParam("riskClasses", "E").when().get("/read-models/subjects/summary")
                .then().statusCode(400).body("errors[0].field", equalTo("riskClasses"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String hash(List<String> usccs) throws Exception {
        StringBuilder b = new StringBuilder();
        usccs.stream().sorted().forEach(u -> b.append(u).append('\n'));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
