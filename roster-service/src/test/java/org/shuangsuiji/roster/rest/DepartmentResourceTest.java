package org.shuangsuiji.roster.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.commons.testing.PlatformTest;

@QuarkusTest
@PlatformTest
class DepartmentResourceTest {

    private Fixtures f;

    @org.junit.jupiter.api.BeforeEach
    void departments() {
        f = new Fixtures();
    }

    @Test
    void registeredDepartmentsCanBeReadByAnyPlatformRole() {
        given().header("Authorization", Fixtures.as(Roles.INSPECTOR, f.county)).when().get("/departments/" + f.county)
                .then().statusCode(200)
                .body("level", equalTo("COUNTY")).body("divisionCode", equalTo("140522")).body("parentCode", equalTo(f.city));
        given().header("Authorization", Fixtures.as(Roles.AUDITOR, null)).when().get("/departments?size=200")
                .then().statusCode(200).body("total", greaterThanOrEqualTo(3)).body("items.code", hasItem(f.province));
    }

    @Test
    void onlyPlatformAdminsRegisterDepartments() {
        given().header("Authorization", Fixtures.departmentAdmin(f.county, "140522")).contentType(ContentType.JSON)
                .body("{\"code\":\"X-1\",\"name\":\"x\",\"level\":\"COUNTY\",\"divisionCode\":\"140522\",\"parentCode\":\"%s\"}".formatted(f.city))
                .when().post("/departments")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void rejectsDuplicateDepartmentCode() {
        given().header("Authorization", Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"name\":\"x\",\"level\":\"PROVINCE\",\"divisionCode\":\"140000\"}".formatted(f.province))
                .when().post("/departments")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void rejectsDivisionCodeThatIsNotSixDigits() {
        given().header("Authorization", Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"PL-NEW\",\"name\":\"x\",\"level\":\"COUNTY\",\"divisionCode\":\"14060\",\"parentCode\":\"%s\"}".formatted(f.city))
                .when().post("/departments")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("divisionCode"));
    }

    @Test
    void rejectsCountyOutsideItsParentsDivision() {
        // 140603 平鲁区 belongs to 朔州 (1406), not to 晋城 (1405)
        given().header("Authorization", Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"PL-X\",\"name\":\"x\",\"level\":\"COUNTY\",\"divisionCode\":\"140603\",\"parentCode\":\"%s\"}".formatted(f.city))
                .when().post("/departments")
                .then().statusCode(400).body("errors.field", hasItem("divisionCode"));
    }

    @Test
    void rejectsUnknownParentNamingTheField() {
        given().header("Authorization", Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"PL-Y\",\"name\":\"x\",\"level\":\"COUNTY\",\"divisionCode\":\"140603\",\"parentCode\":\"NO-SUCH\"}")
                .when().post("/departments")
                .then().statusCode(400).body("errors.field", hasItem("parentCode"));
    }

    @Test
    void unknownDepartmentIs404() {
        given().header("Authorization", Fixtures.admin()).when().get("/departments/NO-SUCH-DEPT")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
