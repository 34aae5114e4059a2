package org.shuangsuiji.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.catalog.Catalog;
import org.shuangsuiji.commons.testing.PlatformTest;

/**
 * A list at the row cap is imported, and imported again unchanged, within the request; prints the times for
 * docs/performance.md. Not a benchmark (JaCoCo on, shared machine): it proves the cap is affordable.
 */
@QuarkusTest
@PlatformTest
class ImportScaleTest {

    @Test
    void aListAtTheRowCapImportsAndReimportsWithinTheRequest() {
        Catalog.departments();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        int rows = 5_000;
        StringBuilder csv = new StringBuilder("序号,抽查类别,抽查事项,检查对象,事项类别,检查方式,检查主体,检查依据,抽查内容\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(",水资源管理监督检查,取水监督检查").append(tag).append('-').append(i)
                    .append(",取用水户,一般检查事项,实地核查、书面检查,阳城县水务局,《取水许可和水资源费征收管理条例》第四十三条,")
                    .append("取水许可证、计量设施\r\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        given().header("Authorization", Catalog.admin()).contentType("text/csv").body(body)
                .when().post("/items/import")
                .then().statusCode(200).body("created", equalTo(rows));
        long first = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        given().header("Authorization", Catalog.admin()).contentType("text/csv").body(body)
                .when().post("/items/import")
                .then().statusCode(200).body("unchanged", equalTo(rows));
        long again = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[import] %d rows (%d KB): first import %d ms, identical re-import %d ms%n", rows,
                body.length / 1024, first, again);
    }
}
