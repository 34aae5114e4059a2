package org.shuangsuiji.draw.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.commons.testing.PlatformTest;

/** Plans: draft → filed → published → adjusted, with roles, the change log and every bad-input rule of a task. */
@QuarkusTest
@PlatformTest
class PlanLifecycleTest {

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
        f.awaitCount(2, "SELECT count(*) FROM catalog_item WHERE code IN (?, ?)", item, coopItem);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String ratios(String a, String b, String c, String d) {
        return "\"ratios\":{\"A\":%s,\"B\":%s,\"C\":%s,\"D\":%s}".formatted(a, b, c, d);
    }

    private String items() {
        return "\"" + item + "@1\",\"" + coopItem + "@1\"";
    }

    @Test
    void aPlanIsReadByItsDepartmentsAndTheLevelsAboveThemButNotBySiblings() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String city = "JC-FGW-" + suffix;
        String sibling = "YC-SWJ-" + suffix;
        department(city, "CITY", "140500", null);
        department(f.lead, "COUNTY", "140522", city);
        department(sibling, "COUNTY", "140522", city);
        f.awaitCount(3, "SELECT count(*) FROM roster_department WHERE code IN (?, ?, ?)", city, f.lead, sibling);
        String plan = f.createPlan(); // a draft of the county: not public yet
        String task = f.addTask(plan, f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6"))).statusCode(201)
                .extract().path("id");

        for (String reader : List.of(DrawFixtures.planner(f.lead), DrawFixtures.planner(city), DrawFixtures.auditor())) {
            given().header("Authorization", reader).when().get("/plans/" + plan).then().statusCode(200)
                    .body("department", equalTo(f.lead));
            given().header("Authorization", reader).when().get("/plans/" + plan + "/changes").then().statusCode(200)
                    .body("items.action", contains("CREATED", "TASK_ADDED"));
            given().header("Authorization", reader).when().get("/tasks/" + task).then().statusCode(200)
                    .body("planId", equalTo(plan));
        }
        given().header("Authorization", DrawFixtures.planner(city)).when().get("/plans?department=" + f.lead)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(plan));

        given().header("Authorization", DrawFixtures.planner(sibling)).when().get("/plans/" + plan).then().statusCode(403)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        given().header("Authorization", DrawFixtures.planner(sibling)).when().get("/plans/" + plan + "/revisions")
                .then().statusCode(403);
        given().header("Authorization", DrawFixtures.planner(sibling)).when().get("/tasks/" + task).then().statusCode(403);
        given().header("Authorization", DrawFixtures.planner(sibling)).when().get("/plans?department=" + f.lead)
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        // the upper level reads, it does not edit
        given().header("Authorization", DrawFixtures.planner(city)).contentType(ContentType.JSON)
                .body(f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6"))).when().post("/plans/" + plan + "/tasks")
                .then().statusCode(403);
    }

    private void department(String code, String level, String division, String parent) {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("code", code);
        d.put("name", code);
        d.put("level", level);
        d.put("divisionCode", division);
        d.put("parentCode", parent);
        f.send("roster.events", code, f.event("/roster-service", "roster.department.registered", code, d));
    }

    @Test
    void planGoesFromDraftThroughFilingToPublicationAndAdjustmentsKeepEveryRevision() throws Exception {
        String plan = f.createPlan();
        String task = f.addTask(plan, f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6")))
                .statusCode(201).body("seq", equalTo(1)).body("ratios.B", equalTo("0.4"))
                .body("items.code", contains(item, coopItem)).body("items.department", contains(f.lead, f.coop))
                .body("minimumCount", equalTo(3)).body("quotaRule", org.hamcrest.Matchers.containsString("ceil"))
                .extract().path("id");
        // roles: a planner does not file, a head does not write tasks
        given().header("Authorization", DrawFixtures.planner(f.lead)).contentType(ContentType.JSON).body("{\"filedWith\":\"x\"}")
                .when().post("/plans/" + plan + "/file").then().statusCode(403);
        f.addTask(plan, f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6"))).statusCode(201).body("seq", equalTo(2));
        given().header("Authorization", DrawFixtures.head(f.lead)).contentType(ContentType.JSON)
                .body(f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6")))
                .when().post("/plans/" + plan + "/tasks").then().statusCode(403);
        // another department's planner does not write this plan
        given().header("Authorization", DrawFixtures.planner(f.coop)).contentType(ContentType.JSON)
                .body(f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6")))
                .when().post("/plans/" + plan + "/tasks").then().statusCode(403);

        {
            ConsumerTask<String, String> events = f.kafka.consume(String.class, String.class)
                    .withGroupId("probe-" + UUID.randomUUID()).fromTopics("draw.events");
            f.fileAndPublish(plan);
            given().header("Authorization", DrawFixtures.planner(f.lead)).contentType(ContentType.JSON)
                    .body(f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6")))
                    .when().post("/plans/" + plan + "/tasks").then().statusCode(409)
                    .body("type", org.hamcrest.Matchers.endsWith("plan-not-editable"));

            given().header("Authorization", DrawFixtures.planner(f.lead)).contentType(ContentType.JSON).body("{}")
                    .when().post("/plans/" + plan + "/adjustments").then().statusCode(400)
                    .body("errors[0].field", equalTo("reason"));
            given().header("Authorization", DrawFixtures.planner(f.lead)).contentType(ContentType.JSON)
                    .body("{\"reason\":\"县领导小组要求提高高风险企业比例\"}")
                    .when().post("/plans/" + plan + "/adjustments").then().statusCode(200).body("status", equalTo("ADJUSTING"));
            given().header("Authorization", DrawFixtures.planner(f.lead)).contentType(ContentType.JSON)
                    .body(f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.8")))
                    .when().put("/plans/" + plan + "/tasks/" + task).then().statusCode(200).body("ratios.D", equalTo("0.8"));
            // the public still sees revision 1 while the adjustment is open
            given().when().get("/public/plans/" + plan).then().statusCode(200).body("items", hasSize(1))
                    .body("items[0].plan.tasks[0].ratios.D", equalTo("0.6"));
            given().header("Authorization", DrawFixtures.head(f.lead)).contentType(ContentType.JSON).body("{}")
                    .when().post("/plans/" + plan + "/publish").then().statusCode(400).body("errors[0].field", equalTo("reason"));
            given().header("Authorization", DrawFixtures.head(f.lead)).contentType(ContentType.JSON)
                    .body("{\"reason\":\"县领导小组要求提高高风险企业比例\"}")
                    .when().post("/plans/" + plan + "/publish").then().statusCode(200)
                    .body("revision", equalTo(2)).body("participatingDepartments", contains(f.coop));

            given().when().get("/public/plans/" + plan).then().statusCode(200).body("items", hasSize(2)).body("total", equalTo(2))
                    .body("items[0].plan.tasks[0].ratios.D", equalTo("0.6")).body("items[1].plan.tasks[0].ratios.D", equalTo("0.8"))
                    .body("items[1].reason", equalTo("县领导小组要求提高高风险企业比例")).body("items[1].publishedBy", equalTo("head-" + f.lead));
            given().when().get("/public/plans?department=" + f.lead).then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].revision", equalTo(2));
            given().header("Authorization", DrawFixtures.auditor()).when().get("/plans/" + plan + "/changes")
                    .then().statusCode(200).body("items.action", contains("CREATED", "TASK_ADDED", "TASK_ADDED", "FILED",
                            "PUBLISHED", "ADJUSTMENT_OPENED", "TASK_CHANGED", "ADJUSTMENT_PUBLISHED"));

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> events.getRecords().stream()
                    .filter(r -> plan.equals(r.key())).count() >= 2);
            events.stop();
            List<String> types = new java.util.ArrayList<>();
            for (var r : events.getRecords()) {
                if (plan.equals(r.key())) {
                    types.add(f.mapper.readTree(r.value()).get("type").asText());
                }
            }
            assertThat(types).containsExactly("draw.plan.published", "draw.plan.adjusted");
        }
    }

    @Test
    void publishedRevisionsCannotBeAlteredEvenWithSql() {
        String plan = f.createPlan();
        f.addTask(plan, f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6"))).statusCode(201);
        f.fileAndPublish(plan);
        org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> {
            try (var c = db.getConnection(); var s = c.createStatement()) {
                s.executeUpdate("UPDATE plan_revision SET reason = 'edited' WHERE plan_id = '" + plan + "'");
            }
        });
    }

    @Test
    void rejectsRatiosOfZeroAboveOneOrFallingWithRiskAndStoresNothing() {
        String plan = f.createPlan();
        f.addTask(plan, f.taskJson(items(), ratios("0", "0.4", "0.5", "0.6"))).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("ratios.A"));
        f.addTask(plan, f.taskJson(items(), ratios("0.3", "0.4", "0.5", "1.2"))).statusCode(400)
                .body("errors[0].field", equalTo("ratios.D"));
        f.addTask(plan, f.taskJson(items(), ratios("0.3", "0.2", "0.5", "0.6"))).statusCode(400)
                .body("errors[0].field", equalTo("ratios.B"));
        f.addTask(plan, f.taskJson(items(), null)).statusCode(400).body("errors[0].field", equalTo("ratios"));
        assertThat(f.count("SELECT count(*) FROM task WHERE plan_id = ?::uuid", plan)).isZero();
    }

    @Test
    void ratiosAndMinimumDefaultToTheLeadDepartmentsRules() {
        f.rules(f.lead, "0.05", "0.1", "0.2", "0.4", 4, null, false);
        f.awaitCount(1, "SELECT count(*) FROM catalog_rules WHERE key = ?", f.lead);
        String plan = f.createPlan();
        f.addTask(plan, f.taskJson(items(), null)).statusCode(201).body("ratios.A", equalTo("0.05"))
                .body("ratios.D", equalTo("0.4")).body("minimumCount", equalTo(4))
                .body("ratioSource", equalTo("rules " + f.lead + " v1"));
    }

    @Test
    void rejectsMinimumBelowOneAndTeamsSmallerThanTwo() {
        String plan = f.createPlan();
        f.addTask(plan, f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6") + ",\"minimumCount\":0"))
                .statusCode(400).body("errors[0].field", equalTo("minimumCount"));
        f.addTask(plan, f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6")).replace("\"teamSize\":2", "\"teamSize\":1"))
                .statusCode(400).body("errors[0].field", equalTo("teamSize"));
        assertThat(f.count("SELECT count(*) FROM task WHERE plan_id = ?::uuid", plan)).isZero();
    }

    @Test
    void rejectsUnpublishedRetiredOrUnknownItems() {
        String plan = f.createPlan();
        f.addTask(plan, f.taskJson("\"" + item + "@2\"", ratios("0.3", "0.4", "0.5", "0.6"))).statusCode(422)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("item-not-published"))
                .body("errors[0].field", equalTo("items[0]"));
        f.addTask(plan, f.taskJson("\"NO-SUCH-ITEM@1\"", ratios("0.3", "0.4", "0.5", "0.6"))).statusCode(422);
        f.addTask(plan, f.taskJson("\"not-a-ref\"", ratios("0.3", "0.4", "0.5", "0.6"))).statusCode(400);
        String retired = f.lead + "-002";
        f.item(retired, 1, f.lead, List.of());
        f.retire(retired, 1);
        f.awaitCount(1, "SELECT count(*) FROM catalog_item WHERE code = ? AND status = 'RETIRED'", retired);
        f.addTask(plan, f.taskJson("\"" + retired + "@1\"", ratios("0.3", "0.4", "0.5", "0.6"))).statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("retired"));
        assertThat(f.count("SELECT count(*) FROM task WHERE plan_id = ?::uuid", plan)).isZero();
    }

    @Test
    void rejectsATaskWhosePeriodHasEnded() {
        String plan = f.createPlan();
        String json = f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6"))
                .replace("\"periodTo\":\"" + DrawFixtures.YEAR + "-12-31\"",
                        "\"periodTo\":\"" + java.time.LocalDate.now().minusDays(1) + "\"");
        f.addTask(plan, json).statusCode(422).body("type", org.hamcrest.Matchers.endsWith("period-ended"))
                .body("errors[0].field", equalTo("periodTo"));
        assertThat(f.count("SELECT count(*) FROM task WHERE plan_id = ?::uuid", plan)).isZero();
    }

    @Test
    void jointTaskItemsMustComeFromParticipatingDepartments() {
        String plan = f.createPlan();
        String internal = f.taskJson(items(), ratios("0.3", "0.4", "0.5", "0.6"))
                .replace("\"joint\":true,\"cooperatingDepartments\":[\"" + f.coop + "\"],", "\"joint\":false,");
        f.addTask(plan, internal).statusCode(422).body("type", org.hamcrest.Matchers.endsWith("item-department-not-participating"));
        given().header("Authorization", DrawFixtures.planner(f.lead)).when().get("/plans/" + plan)
                .then().statusCode(200).body("tasks", hasSize(0)).body("status", equalTo("DRAFT"));
        given().header("Authorization", DrawFixtures.planner(f.lead)).when().get("/plans?department=" + f.lead)
                .then().statusCode(200).body("items.id", hasItems(plan));
    }
}
