package org.shuangsuiji.draw.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.testing.PlatformTest;

/**
 * The implementation rules' inspection windows and the task's frequency bind the draw (real catalog events, real
 * PostgreSQL and Kafka): a draw outside a window or beyond the frequency is refused and stores nothing, and the
 * public announcement says which rules admitted it. Dates are in the year after the plan's, whatever today is.
 */
@QuarkusTest
@PlatformTest
class DrawScheduleTest {

    private static final int NEXT = DrawFixtures.YEAR + 1;

    @Inject
    AgroalDataSource db;

    private DrawFixtures f;
    private String item;
    private String coopItem;

    @BeforeEach
    void fixtures() {
        f = new DrawFixtures(db);
        item = f.lead + "-001";
        coopItem = f.coop + "-001";
        f.item(item, 1, f.lead, List.of());
        f.item(coopItem, 1, f.coop, List.of());
        f.subjects("A", 6);
        f.subjects("B", 6);
        for (int i = 0; i < 2; i++) {
            f.inspector(f.lead, "OFFICER", List.of());
            f.inspector(f.coop, "OFFICER", List.of());
        }
        f.awaitCount(2, "SELECT count(*) FROM catalog_item WHERE code IN (?, ?)", item, coopItem);
        f.awaitSubjects(12);
        f.awaitCount(4, "SELECT count(*) FROM roster_inspector WHERE department IN (?, ?)", f.lead, f.coop);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void refusesDrawOutsideInspectionWindow() {
        f.rulesWithWindows(f.lead, null, List.of(List.of("06-01", "06-30"), List.of("09-01", "09-30")));
        awaitRules(f.lead);
        String task = publishedTask("\"frequency\":\"1 次/年\"");

        announce(task, NEXT + "-03-02").then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/outside-inspection-window"))
                .body("errors[0].field", equalTo("inspectionFrom"))
                .body("detail", containsString("06-01...06-30, 09-01...09-30"))
                .body("detail", containsString(f.lead + "@1"))
                .body("detail", containsString("the first start that fits every window is " + NEXT + "-06-01"));
        // Starting inside June is not enough: five working days from 28 June run into July.
        announce(task, NEXT + "-06-28").then().statusCode(422)
                .body("type", endsWith("/outside-inspection-window"))
                .body("detail", containsString("on " + NEXT + "-07-01"));
        assertNothingStored(task);

        String draw = announce(task, NEXT + "-06-01").then().statusCode(201).extract().path("id");
        JsonPath a = announcement(draw);
        assertThat(a.getString("team.inspectionTo")).isLessThanOrEqualTo(NEXT + "-06-30");
        assertThat(a.getList("schedule.windows.rules")).containsExactly(f.lead + "@1");
        assertThat(a.getList("schedule.windows[0].windows.from")).containsExactly("06-01", "09-01");
        assertThat(a.getString("schedule.frequency.text")).isEqualTo("1 次/年");
    }

    @Test
    void aJointTaskKeepsTheWindowsOfEveryDepartmentsRules() {
        f.rulesWithWindows(f.lead, null, List.of(List.of("06-01", "06-30")));
        f.rulesWithWindows(f.coop, coopItem, List.of(List.of("06-15", "09-30")));
        awaitRules(f.lead);
        awaitRules(f.coop + "/" + coopItem);
        String task = publishedTask("\"frequency\":\"1 次/年\"");

        announce(task, NEXT + "-06-01").then().statusCode(422)
                .body("type", endsWith("/outside-inspection-window"))
                .body("detail", containsString(f.coop + "/" + coopItem + "@1"))
                .body("detail", containsString("the first start that fits every window is " + NEXT + "-06-15"));
        assertNothingStored(task);

        String draw = announce(task, NEXT + "-06-15").then().statusCode(201).extract().path("id");
        assertThat(announcement(draw).getList("schedule.windows.rules"))
                .containsExactly(f.lead + "@1", f.coop + "/" + coopItem + "@1");
    }

    @Test
    void refusesASecondDrawInOneYearOfAOncePerYearTask() {
        String task = publishedTask("\"frequency\":\"1 次/年\",\"batches\":2");

        String first = batch(task, 1, NEXT + "-03-01").then().statusCode(201).extract().path("id");
        JsonPath a = announcement(first);
        assertThat(a.getString("schedule.frequency.source")).isEqualTo("TASK");
        assertThat(a.getInt("schedule.frequency.perYear")).isEqualTo(1);
        assertThat(a.getInt("schedule.frequency.year")).isEqualTo(NEXT);
        assertThat(a.getInt("schedule.frequency.drawOfYear")).isEqualTo(1);

        batch(task, 2, NEXT + "-09-01").then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/frequency-exceeded"))
                .body("errors[0].field", equalTo("batch"))
                .body("detail", containsString("'1 次/年'"))
                .body("detail", containsString("batch(es) [1] already start in " + NEXT));
        assertThat(f.count("SELECT count(*) FROM draw WHERE task_id = ?::uuid", task)).isEqualTo(1);

        // The other calendar year of the period has its own draw.
        String second = batch(task, 2, null).then().statusCode(201).extract().path("id");
        assertThat(announcement(second).getInt("schedule.frequency.year")).isEqualTo(DrawFixtures.YEAR);
    }

    @Test
    void withoutItsOwnFrequencyATaskKeepsTheFrequencyOfItsItems() {
        String task = publishedTask("\"batches\":2");
        String first = batch(task, 1, NEXT + "-03-01").then().statusCode(201).extract().path("id");
        assertThat(announcement(first).getString("schedule.frequency.source")).startsWith("ITEM ");
        batch(task, 2, NEXT + "-04-01").then().statusCode(422).body("type", endsWith("/frequency-exceeded"))
                .body("detail", containsString("'1 次/年'"));
    }

    @Test
    void aMinimumFrequencyNeedsItsBatchesAndCapsNothing() {
        String plan = f.createPlan();
        f.addTask(plan, taskJson("\"frequency\":\"1 次/年\",\"batches\":3")).statusCode(422)
                .body("type", endsWith("/batches-exceed-frequency")).body("errors[0].field", equalTo("batches"));
        f.addTask(plan, taskJson("\"frequency\":\"不少于2次/年\",\"batches\":1")).statusCode(422)
                .body("type", endsWith("/batches-below-frequency")).body("errors[0].field", equalTo("batches"));
        f.addTask(plan, taskJson("\"frequency\":\"偶尔\"")).statusCode(400)
                .body("errors[0].field", equalTo("frequency"));

        String task = publishedTask("\"frequency\":\"不少于2次/年\",\"batches\":3");
        batch(task, 1, NEXT + "-03-01").then().statusCode(201);
        batch(task, 2, NEXT + "-05-01").then().statusCode(201);
        String third = batch(task, 3, NEXT + "-07-01").then().statusCode(201).extract().path("id");
        JsonPath a = announcement(third);
        assertThat(a.getBoolean("schedule.frequency.atLeast")).isTrue();
        assertThat(a.getInt("schedule.frequency.drawOfYear")).isEqualTo(3);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    /** A joint task of both items over this year and the next. */
    private String taskJson(String extra) {
        String json = f.taskJson("\"" + item + "@1\",\"" + coopItem + "@1\"",
                "\"ratios\":{\"A\":\"0.2\",\"B\":\"0.3\",\"C\":\"0.4\",\"D\":\"0.5\"},\"minimumCount\":1")
                .replace("\"frequency\":\"1 次/年\",", "")
                .replace("\"periodTo\":\"" + DrawFixtures.YEAR + "-12-31\"", "\"periodTo\":\"" + NEXT + "-12-31\"")
                .strip();
        return json.substring(0, json.length() - 1) + "," + extra + "}";
    }

    private String publishedTask(String extra) {
        String plan = f.createPlan();
        String task = f.addTask(plan, taskJson(extra)).statusCode(201).extract().path("id");
        f.fileAndPublish(plan);
        return task;
    }

    private void awaitRules(String key) {
        f.awaitCount(1, "SELECT count(*) FROM catalog_rules WHERE key = ?", key);
    }

    private Response announce(String task, String inspectionFrom) {
        return draw(task, inspectionFrom == null ? "" : "\"inspectionFrom\":\"" + inspectionFrom + "\",");
    }

    private Response batch(String task, int batch, String inspectionFrom) {
        return draw(task, "\"batch\":" + batch + ","
                + (inspectionFrom == null ? "" : "\"inspectionFrom\":\"" + inspectionFrom + "\","));
    }

    private Response draw(String task, String fields) {
        return given().header("Authorization", DrawFixtures.planner(f.lead)).contentType(ContentType.JSON)
                .body("{" + fields + "\"entropySources\":[{\"name\":\"fc-3d-2027001\",\"kind\":\"LOTTERY_DRAW\","
                        + "\"description\":\"福彩3D开奖号码，三位数字，空格分隔\"}]}")
                .when().post("/tasks/" + task + "/draws");
    }

    private JsonPath announcement(String draw) {
        return given().when().get("/public/draws/" + draw + "/announcement").then().statusCode(200).extract().jsonPath();
    }

    private void assertNothingStored(String task) {
        assertThat(f.count("SELECT count(*) FROM draw WHERE task_id = ?::uuid", task)).isZero();
        assertThat(f.count("""
                SELECT count(*) FROM draw_exclusion_list e WHERE NOT EXISTS (SELECT 1 FROM draw d WHERE d.id = e.draw_id)""")).isZero();
        assertThat(f.count("""
                SELECT count(*) FROM outbox_event WHERE event_type = 'draw.announced' AND payload::text LIKE ?""",
                "%" + task + "%")).isZero();
    }
}
