package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.Tokens;
import org.shuangsuiji.roster.domain.Uscc;

/** Tokens, fresh codes and a department tree (province → 晋城 city → 阳城 county) unique to each test class. */
final class Fixtures {

    private static final String BODY_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    final String province;
    final String city;
    final String county;

    Fixtures() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        province = "SX-" + suffix;
        city = "JC-SCJG-" + suffix;
        county = "YC-SCJG-" + suffix;
        department(province, "山西省市场监督管理局", "PROVINCE", "140000", null);
        department(city, "晋城市市场监督管理局", "CITY", "140500", province);
        department(county, "阳城县市场监督管理局", "COUNTY", "140522", city);
    }

    static String admin() {
        return Tokens.bearer(Tokens.of("root", Set.of(Roles.PLATFORM_ADMIN)));
    }

    static String departmentAdmin(String department, String division) {
        return Tokens.bearer(Tokens.of("admin-" + department, Set.of(Roles.DEPARTMENT_ADMIN), department, division));
    }

    static String as(String role, String department) {
        return Tokens.bearer(Tokens.of(role + "-user", Set.of(role), department, "140522"));
    }

    /** A valid enterprise USCC in the given division with a random organisation code. */
    static String newUscc(String division) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append(BODY_CHARS.charAt(ThreadLocalRandom.current().nextInt(BODY_CHARS.length())));
        }
        return Uscc.of('9', '1', division, body.toString());
    }

    static void department(String code, String name, String level, String division, String parent) {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"%s","level":"%s","divisionCode":"%s","parentCode":%s}"""
                        .formatted(code, name, level, division, parent == null ? "null" : "\"" + parent + "\""))
                .when().post("/departments")
                .then().statusCode(201);
    }

    static String subjectJson(String uscc, String department, String industry, String extra) {
        return """
                {"uscc":"%s","name":"阳城县某某粮油有限公司","kind":"ENTERPRISE","industryCode":"%s",
                 "divisionCode":"140522","address":"阳城县凤城镇","departments":["%s"],
                 "itemFamilies":["粮食流通"]%s}""".formatted(uscc, industry, department, extra == null ? "" : "," + extra);
    }

    static void register(String token, String json) {
        given().header("Authorization", token).contentType(ContentType.JSON).body(json)
                .when().post("/subjects").then().statusCode(201);
    }
}
