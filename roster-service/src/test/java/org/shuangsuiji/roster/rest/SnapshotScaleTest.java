package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.PlatformTest;

/**
 * A pool of 100 000 subjects (loaded with COPY, not through the API) streams completely, in canonical order, with the
 * hash a witness recomputes from the sorted codes. The 1 000 000-row figure belongs to the benchmark, not here.
 */
@QuarkusTest
@PlatformTest
class SnapshotScaleTest {

    private static final int SUBJECTS = 100_000;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void streamsAHundredThousandSubjectPoolInCanonicalOrder() throws Exception {
        Fixtures f = new Fixtures();
        TreeSet<String> usccs = new TreeSet<>();
        while (usccs.size() < SUBJECTS) {
            usccs.add(Fixtures.newUscc("140522"));
        }
        StringBuilder subjects = new StringBuilder();
        for (String u : usccs.descendingSet()) { // stored out of order on purpose
            subjects.append(u).append("\tsubject ").append(u).append("\tENTERPRISE\tC1310\t140522\tACTIVE\t{")
                    .append(f.county).append("}\tB\tcopy\t2026-01-01T00:00:00Z\tcopy\t2026-01-01T00:00:00Z\n");
        }
        try (Connection c = dataSource.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.getCopyAPI().copyIn("COPY subject (uscc, name, kind, industry_code, division_code, status, departments,"
                    + " risk_class, created_by, created_at, updated_by, updated_at) FROM STDIN",
                    new StringReader(subjects.toString()));
        }
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        for (String u : usccs) {
            expected.update((u + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String expectedHash = HexFormat.of().formatHex(expected.digest());

        long summaryStart = System.nanoTime();
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county))
                .when().get("/snapshots/subjects/summary?department=" + f.county)
                .then().statusCode(200).body("sha256", org.hamcrest.Matchers.equalTo(expectedHash));
        System.out.printf("summary (count + hash) of %d subjects in %d ms%n", SUBJECTS, (System.nanoTime() - summaryStart) / 1_000_000);

        long start = System.nanoTime();
        InputStream body = given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county))
                .when().get("/snapshots/subjects?department=" + f.county)
                .then().statusCode(200).extract().asInputStream();
        MessageDigest seen = MessageDigest.getInstance("SHA-256");
        ObjectMapper mapper = new ObjectMapper();
        java.util.List<String> received = new java.util.ArrayList<>(SUBJECTS + 1);
        long lines = 0;
        String previous = "";
        String last = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                received.add(line);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("snapshot of %d subjects streamed in %d ms%n", SUBJECTS, millis);
        for (String line : received) {
            if (last != null) {
                String uscc = mapper.readTree(last).get("uscc").asText();
                assertThat(uscc.compareTo(previous)).isPositive();
                seen.update((uscc + "\n").getBytes(StandardCharsets.UTF_8));
                previous = uscc;
                lines++;
            }
            last = line;
        }
        JsonNode trailer = mapper.readTree(last);
        assertThat(lines).isEqualTo(SUBJECTS);
        assertThat(trailer.get("count").asLong()).isEqualTo(SUBJECTS);
        assertThat(trailer.get("sha256").asText()).isEqualTo(expectedHash).isEqualTo(HexFormat.of().formatHex(seen.digest()));
        assertThat(millis).as("streaming time on a shared 2-core machine").isLessThan(30_000);
    }
}
