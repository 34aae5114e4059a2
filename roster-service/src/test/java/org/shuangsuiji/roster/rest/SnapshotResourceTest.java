package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.PlatformTest;

@QuarkusTest
@PlatformTest
class SnapshotResourceTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private Fixtures f;
    private String countyAdmin;
    private final List<String> active = new ArrayList<>();
    private String deregistered;
    private String tagged;
    private String classD;

    @BeforeEach
    void pool() {
        f = new Fixtures();
        countyAdmin = Fixtures.departmentAdmin(f.county, "140522");
        for (int i = 0; i < 6; i++) {
            String uscc = Fixtures.newUscc("140522");
            String risk = "\"risk\":{\"riskClass\":\"%s\",\"asOf\":\"2024-06-30\",\"source\":\"feed\"}".formatted(i == 0 ? "D" : "A");
            Fixtures.register(countyAdmin, Fixtures.subjectJson(uscc, f.county, i % 2 == 0 ? "F5111" : "C1310", risk));
            active.add(uscc);
        }
        classD = active.get(0);
        tagged = active.get(1);
        given().header("Authorization", countyAdmin).contentType(ContentType.JSON).body("{\"code\":\"ABNORMAL_OPERATION\"}")
                .post("/subjects/" + tagged + "/tags").then().statusCode(200);
        deregistered = Fixtures.newUscc("140522");
        Fixtures.register(countyAdmin, Fixtures.subjectJson(deregistered, f.county, "F5111", "\"status\":\"DEREGISTERED\""));
        active.sort(null);
    }

    private String planner() {
        return Fixtures.as(Roles.PLANNER, f.county);
    }

    private List<String> lines(String query) {
        byte[] bytes = given().header("Authorization", planner()).when().get("/snapshots/subjects?" + query)
                .then().statusCode(200).contentType(SnapshotResource.NDJSON).extract().asByteArray();
        String body = new String(bytes, StandardCharsets.UTF_8);
        return List.of(body.split("\n"));
    }

    private static String sha256(List<String> usccs) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String u : usccs) {
            md.update((u + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void snapshotIsInCanonicalOrderWithStableHash() throws Exception {
        List<String> first = lines("department=" + f.county);
        assertThat(first).hasSize(active.size() + 1);
        List<String> usccs = new ArrayList<>();
        for (String line : first.subList(0, first.size() - 1)) {
            usccs.add(mapper.readTree(line).get("uscc").asText());
        }
        assertThat(usccs).containsExactlyElementsOf(active); // sorted, and the deregistered subject is not there
        JsonNode trailer = mapper.readTree(first.get(first.size() - 1));
        assertThat(trailer.get("count").asLong()).isEqualTo(active.size());
        assertThat(trailer.get("sha256").asText()).isEqualTo(sha256(active));

        assertThat(lines("department=" + f.county)).isEqualTo(first); // the same pool twice: byte for byte the same
        given().header("Authorization", Fixtures.as(Roles.WITNESS, null))
                .when().get("/snapshots/subjects/summary?department=" + f.county)
                .then().statusCode(200)
                .body("count", equalTo(active.size())).body("sha256", equalTo(sha256(active)))
                .body("algorithm", equalTo("sha256 over uscc + '\\n' per subject in canonical order"));
    }

    @Test
    void inactiveSubjectsAreNeverDrawable() {
        assertThat(String.join("\n", lines("department=" + f.county))).doesNotContain(deregistered);
        given().header("Authorization", planner()).when().get("/snapshots/subjects?department=" + f.county + "&status=DEREGISTERED")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("status"));
    }

    @Test
    void filtersByTagsRiskClassesIndustryAndKind() throws Exception {
        List<String> byTag = lines("department=" + f.county + "&tags=ABNORMAL_OPERATION,COMPLAINTS");
        assertThat(byTag).hasSize(2);
        assertThat(mapper.readTree(byTag.get(0)).get("uscc").asText()).isEqualTo(tagged);
        assertThat(mapper.readTree(byTag.get(0)).get("tags").get(0).asText()).isEqualTo("ABNORMAL_OPERATION");

        List<String> byRisk = lines("department=" + f.county + "&riskClasses=C&riskClasses=D");
        assertThat(byRisk).hasSize(2);
        assertThat(mapper.readTree(byRisk.get(0)).get("riskClass").asText()).isEqualTo("D");
        assertThat(mapper.readTree(byRisk.get(0)).get("uscc").asText()).isEqualTo(classD);

        assertThat(lines("department=" + f.county + "&industry=C13&kind=ENTERPRISE&divisionPrefix=1405&itemFamily=粮食流通")).hasSize(4);
        assertThat(lines("department=" + f.county + "&itemFamily=农药经营")).hasSize(1); // only the trailer
        assertThat(lines("department=" + f.county + "&kind=COOPERATIVE").get(0))
                .isEqualTo("{\"count\":0,\"sha256\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}");
    }

    @Test
    void namesAndScopeValuesWithQuotesAndBackslashesStreamUnchanged() throws Exception {
        String odd = Fixtures.newUscc("140522");
        String name = "阳城县\"甲\"\\乙'丙\\\\N 商行";
        Fixtures.register(countyAdmin, Fixtures.subjectJson(odd, f.county, "F5111", null)
                .replace("阳城县某某粮油有限公司", name.replace("\\", "\\\\").replace("\"", "\\\"")));
        JsonNode streamed = lines("department=" + f.county).stream().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(n -> odd.equals(n.path("uscc").asText())).findFirst().orElseThrow();
        assertThat(streamed.get("name").asText()).isEqualTo(name);
        assertThat(streamed.get("riskClass").isNull()).isTrue();
        // scope values are data, never SQL: a quote or backslash in one only narrows the pool to nothing
        for (String family : List.of("粮食'流通", "粮食流通') OR ('1' = '1", "\\' OR true --")) {
            assertThat(given().header("Authorization", planner()).queryParam("department", f.county)
                    .queryParam("itemFamily", family).when().get("/snapshots/subjects")
                    .then().statusCode(200).extract().asString())
                    .isEqualTo("{\"count\":0,\"sha256\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}\n");
        }
    }

    @Test
    void streamsCsvWithTheSameTrailer() throws Exception {
        byte[] bytes = given().header("Authorization", planner()).when().get("/snapshots/subjects?format=csv&department=" + f.county)
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();
        String body = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = body.split("\n");
        assertThat(lines[0]).isEqualTo("uscc,name,kind,industryCode,divisionCode,riskClass,tags");
        assertThat(lines[1]).startsWith(active.get(0) + ",阳城县某某粮油有限公司,ENTERPRISE,");
        assertThat(lines[lines.length - 1]).isEqualTo("# {\"count\":" + active.size() + ",\"sha256\":\"" + sha256(active) + "\"}");
    }

    @Test
    void rejectsBadScopeNamingTheField() {
        given().header("Authorization", planner()).when().get("/snapshots/subjects?riskClasses=A,E")
                .then().statusCode(400).body("errors.field", contains("riskClasses"));
        given().header("Authorization", planner()).when().get("/snapshots/subjects/summary?industry=13")
                .then().statusCode(400).body("errors.field", contains("industry"));
    }

    @Test
    void plannersReadTheirOwnAndLowerDirectoriesOnly() {
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.city))
                .when().get("/snapshots/subjects/summary?department=" + f.county)
                .then().statusCode(200).body("count", equalTo(active.size()));
        given().header("Authorization", planner()).when().get("/snapshots/subjects/summary?department=" + f.city)
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", planner()).when().get("/snapshots/subjects/summary")
                .then().statusCode(400).body("errors.field", contains("department"));
        given().header("Authorization", Fixtures.as(Roles.AUDITOR, null)).when().get("/snapshots/subjects/summary?department=" + f.city)
                .then().statusCode(200);
    }

    @Test
    void inspectorsCannotReadPools() {
        given().header("Authorization", Fixtures.as(Roles.INSPECTOR, f.county)).when().get("/snapshots/subjects?department=" + f.county)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/snapshots/subjects/summary").then().statusCode(401);
    }
}
