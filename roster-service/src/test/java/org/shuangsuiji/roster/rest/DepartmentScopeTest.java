package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.PlatformTest;

/** An upper level reads its lower levels' directories, never a sibling's or a higher one's; global roles read all. */
@QuarkusTest
@PlatformTest
class DepartmentScopeTest {

    private Fixtures f;
    private String citySubject;
    private String countySubject;
    private String siblingSubject;
    private String sibling;

    @BeforeEach
    void directories() {
        f = new Fixtures();
        sibling = "PL-" + f.county.substring(f.county.lastIndexOf('-') + 1);
        // a second city with its county: a sibling branch of the same province
        String otherCity = "SZ-" + f.county.substring(f.county.lastIndexOf('-') + 1);
        Fixtures.department(otherCity, "朔州市农业农村局", "CITY", "140600", f.province);
        Fixtures.department(sibling, "平鲁区农业农村局", "COUNTY", "140603", otherCity);
        citySubject = Fixtures.newUscc("140500");
        countySubject = Fixtures.newUscc("140522");
        siblingSubject = Fixtures.newUscc("140603");
        Fixtures.register(Fixtures.admin(), Fixtures.subjectJson(citySubject, f.city, "F5111", null));
        Fixtures.register(Fixtures.admin(), Fixtures.subjectJson(countySubject, f.county, "F5111", null));
        Fixtures.register(Fixtures.admin(), Fixtures.subjectJson(siblingSubject, sibling, "F5167", null));
    }

    @Test
    void countyReadsOnlyItsOwnDirectory() {
        String planner = Fixtures.as(Roles.PLANNER, f.county);
        given().header("Authorization", planner).when().get("/subjects?size=200")
                .then().statusCode(200).body("items.uscc", contains(countySubject)).body("total", equalTo(1));
        given().header("Authorization", planner).when().get("/subjects/" + countySubject).then().statusCode(200);
        given().header("Authorization", planner).when().get("/subjects/" + citySubject)
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", planner).when().get("/subjects?department=" + f.city)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void cityReadsItsCountyButNotASiblingBranch() {
        String planner = Fixtures.as(Roles.PLANNER, f.city);
        given().header("Authorization", planner).when().get("/subjects?size=200")
                .then().statusCode(200).body("items.uscc", containsInAnyOrder(citySubject, countySubject));
        given().header("Authorization", planner).when().get("/subjects?department=" + f.county)
                .then().statusCode(200).body("items.uscc", contains(countySubject));
        given().header("Authorization", planner).when().get("/subjects/" + siblingSubject).then().statusCode(403);
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.province)).when().get("/subjects?size=200")
                .then().statusCode(200).body("items.uscc", hasItems(citySubject, countySubject, siblingSubject));
    }

    @Test
    void anUpperLevelReadsButNeverEditsALowerLevelsSubjects() {
        given().header("Authorization", Fixtures.departmentAdmin(f.city, "140500")).contentType(ContentType.JSON)
                .body("{\"code\":\"COMPLAINTS\"}")
                .when().post("/subjects/" + countySubject + "/tags")
                .then().statusCode(403);
        given().header("Authorization", Fixtures.departmentAdmin(f.city, "140500")).when().get("/subjects/" + countySubject)
                .then().statusCode(200);
    }

    @Test
    void auditorsAndPlatformAdminsReadEveryDirectory() {
        given().header("Authorization", Fixtures.as(Roles.AUDITOR, null)).when().get("/subjects?department=" + sibling)
                .then().statusCode(200).body("items.uscc", contains(siblingSubject));
        given().header("Authorization", Fixtures.admin()).when().get("/subjects/" + siblingSubject).then().statusCode(200);
    }

    @Test
    void inspectorListsAreScopedTheSameWay() {
        String county = register(f.county, "140522");
        String city = register(f.city, "140500");
        String other = register(sibling, "140603");
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.city)).when().get("/inspectors?size=200")
                .then().statusCode(200).body("items.id", containsInAnyOrder(county, city));
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county)).when().get("/inspectors/" + city)
                .then().statusCode(403);
        given().header("Authorization", Fixtures.as(Roles.PLANNER, f.county)).when().get("/inspectors?department=" + sibling)
                .then().statusCode(403);
        given().header("Authorization", Fixtures.as(Roles.AUDITOR, null)).when().get("/inspectors/" + other)
                .then().statusCode(200);
    }

    @Test
    void rejectsDivisionCodesThatDoNotExistInGbT2260() {
        given().header("Authorization", Fixtures.admin()).contentType(ContentType.JSON)
                .body(Fixtures.subjectJson(Fixtures.newUscc("140522"), f.county, "F5111", null).replace("\"140522\"", "\"141522\""))
                .when().post("/subjects")
                .then().statusCode(400).body("errors.field", contains("divisionCode"))
                .body("errors[0].reason", equalTo("141522: 山西省 has no prefecture-level division 1415 (1401-1411)"));
        given().header("Authorization", Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"X-%s\",\"name\":\"x\",\"level\":\"PROVINCE\",\"divisionCode\":\"190000\"}".formatted(sibling))
                .when().post("/departments")
                .then().statusCode(400).body("errors.field", contains("divisionCode"));
    }

    static String register(String department, String division) {
        return given().header("Authorization", Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"department":"%s","name":"李四","kind":"EXPERT","regionDivisionCode":"%s","yearlyWorkloadCap":10}"""
                        .formatted(department, division))
                .when().post("/inspectors").then().statusCode(201).extract().path("id");
    }
}
