package org.shuangsuiji.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The seeds' 阳城县发展和改革局 plan (阳发改字〔2022〕21号): its three tasks — 部门联合粮食企业监督检查 40% (发起 发改局,
 * 配合 市场监管局), the same 30% (发起 统计局, 配合 发改局), 内部粮食企业监督检查 30% — planned, filed, published,
 * announced, revealed by the witness 阳城县纪检监察组 and computed, all over HTTP with the demo users planner-yc-fgj,
 * head-yc-fgj and witness-yc-jjz.
 *
 * <p>The seeds' period (2022年3月至11月) has ended, and a task whose period has ended is never drawn, so the plan takes
 * the same months of the current year (of the next one from mid-November, when the five working days of an
 * inspection starting today would run past the rules' window). Ratios per risk class rise around the plan's
 * 40% / 30% (一般风险 = the plan's ratio). Witness and lottery values are demo values. Needs roster's and catalog's demo
 * data; idempotent: a second run finds the plan and its draws and changes nothing.
 */
public final class DrawDemoData implements DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEPARTMENT = "YC-FGJ";
    private static final String FAMILY = "粮食流通";
    private static final String SALT = "yc-jjz-demo-salt-";

    @Override
    public String name() {
        return "draw (阳城县发改局 plan after 阳发改字〔2022〕21号: three tasks 40%/30%/30%, published and drawn)";
    }

    @Override
    public void load(Context context) {
        String planner = context.tokens().forDemoUser("planner-yc-fgj");
        String head = context.tokens().forDemoUser("head-yc-fgj");
        String witness = context.tokens().forDemoUser("witness-yc-jjz");
        LocalDate today = LocalDate.now();
        // The draw starts today at the earliest and its five working days must end inside the rules' window (to 11-30):
        // a fortnight before the end of November the demo moves to next year's period instead.
        LocalDate latestStart = LocalDate.of(today.getYear(), 11, 30).minusDays(14);
        int year = today.isAfter(latestStart) ? today.getYear() + 1 : today.getYear();
        String title = "阳城县发展和改革局" + year + "年度“双随机一公开”抽查工作计划";

        awaitPool(context, planner);
        JsonNode plan = findPlan(context, planner, year, title);
        if (plan == null) {
            ObjectNode body = JSON.createObjectNode().put("year", year).put("title", title).put("joint", true);
            body.putArray("participatingDepartments").add("YC-SCJGJ").add("YC-TJJ");
            plan = read(expect(context.http().postJson(url(context, "/plans"), planner, body.toString()), 201, "POST /plans"));
        }
        String planId = plan.get("id").asText();
        List<ObjectNode> tasks = tasks(context, planner, year);
        for (int i = plan.get("tasks").size(); i < tasks.size() && plan.get("status").asText().equals("DRAFT"); i++) {
            addTask(context, planner, planId, tasks.get(i));
        }
        String status = read(expect(context.http().get(url(context, "/plans/" + planId), planner), 200, "GET plan"))
                .get("status").asText();
        if (status.equals("DRAFT")) {
            expect(context.http().postJson(url(context, "/plans/" + planId + "/file"), head,
                    "{\"filedWith\":\"阳城县市场监管领域双随机一公开监管工作领导小组办公室\"}"), 200, "file plan");
            status = "FILED";
        }
        if (status.equals("FILED")) {
            expect(context.http().postJson(url(context, "/plans/" + planId + "/publish"), head, "{}"), 200, "publish plan");
        }
        JsonNode published = read(expect(context.http().get(url(context, "/plans/" + planId), planner), 200, "GET plan"));
        List<String> summary = new ArrayList<>();
        for (JsonNode task : published.get("tasks")) {
            summary.add(draw(context, planner, witness, task));
        }
        System.out.println("    " + title + ": " + String.join("; ", summary));
    }

    /** Announce (if not yet), reveal what is missing, compute (if not yet); returns a one-line summary. */
    private String draw(Context context, String planner, String witness, JsonNode task) {
        String taskId = task.get("id").asText();
        int seq = task.get("seq").asInt();
        String value = "8293" + (10 + seq);
        String salt = SALT + seq + "-" + taskId.substring(0, 8);
        JsonNode draws = read(expect(context.http().get(url(context, "/tasks/" + taskId + "/draws"), planner), 200, "GET draws"))
                .get("items");
        String drawId;
        if (draws.isEmpty()) {
            ObjectNode body = JSON.createObjectNode();
            var sources = body.putArray("entropySources");
            sources.addObject().put("name", "witness-yc-jjz").put("kind", "WITNESS_COMMITMENT")
                    .put("description", "阳城县纪检监察组见证人提交的承诺值（演示值）").put("commitment", sha256(value + "\n" + salt));
            sources.addObject().put("name", "fc-3d-demo-" + seq).put("kind", "LOTTERY_DRAW")
                    .put("description", "中国福利彩票3D开奖号码，三位数字，空格分隔（演示值）");
            drawId = read(expect(context.http().postJson(url(context, "/tasks/" + taskId + "/draws"), planner,
                    body.toString()), 201, "announce task " + seq)).get("id").asText();
        } else {
            drawId = draws.get(0).get("id").asText();
        }
        reveal(context, witness, drawId, "{\"name\":\"witness-yc-jjz\",\"value\":\"" + value + "\",\"salt\":\"" + salt + "\"}");
        reveal(context, witness, drawId, "{\"name\":\"fc-3d-demo-" + seq + "\",\"value\":\"4 7 " + seq
                + "\",\"sourceReference\":\"演示值\"}");
        Http.Response computed = context.http().postJson(url(context, "/draws/" + drawId + "/compute"), planner, "");
        if (computed.status() != 200 && computed.status() != 409) { // 409: computed by an earlier run
            throw new IllegalStateException("compute draw " + drawId + " answered " + computed.status() + ": " + computed.body());
        }
        JsonNode d = read(expect(context.http().get(url(context, "/draws/" + drawId), planner), 200, "GET draw"));
        JsonNode result = d.get("result");
        return "task " + seq + " " + task.get("name").asText() + ": " + result.get("selected").asInt() + " drawn of "
                + poolTotal(d) + ", risk-class rate " + result.get("riskClassApplicationRate").asText()
                + ", record " + result.get("recordSha256").asText().substring(0, 12) + "…";
    }

    private static long poolTotal(JsonNode draw) {
        long n = 0;
        for (JsonNode s : draw.get("strata")) {
            n += s.get("poolCount").asLong();
        }
        return n;
    }

    private void reveal(Context context, String witness, String drawId, String body) {
        Http.Response r = context.http().postJson(url(context, "/draws/" + drawId + "/entropy"), witness, body);
        if (r.status() != 200 && r.status() != 409) { // 409: entered by an earlier run (or the draw is computed)
            throw new IllegalStateException("reveal on draw " + drawId + " answered " + r.status() + ": " + r.body());
        }
    }

    private List<ObjectNode> tasks(Context context, String planner, int year) {
        String scenario = "YC-LH-LS-001@" + version(context, planner, "/scenarios/YC-LH-LS-001");
        String statistics = "YC-FG-LS-002@" + version(context, planner, "/items/YC-FG-LS-002");
        String grain = "YC-FG-LS-001@" + version(context, planner, "/items/YC-FG-LS-001");
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode t1 = task("部门联合粮食企业监督检查", true, DEPARTMENT, "YC-SCJGJ", year, "0.35", "0.40", "0.50", "0.60",
                "部门联合双随机抽查；发起：发改局，配合：市场监管局；比例40%（一般风险），低、一般、较高、高风险企业分别递加比例");
        t1.put("scenario", scenario);
        out.add(t1);
        ObjectNode t2 = task("部门联合粮食企业监督检查", true, "YC-TJJ", DEPARTMENT, year, "0.25", "0.30", "0.40", "0.50",
                "部门联合双随机抽查；发起：统计局，配合：发改局；比例30%（一般风险），按信用风险分类递加比例");
        t2.putArray("items").add(statistics);
        out.add(t2);
        ObjectNode t3 = task("内部粮食企业监督检查", false, DEPARTMENT, null, year, "0.25", "0.30", "0.40", "0.50",
                "内部双随机抽查；县发改局实施，发改局组织；比例30%（一般风险），按信用风险分类递加比例");
        t3.putArray("items").add(grain);
        out.add(t3);
        return out;
    }

    private static ObjectNode task(String name, boolean joint, String lead, String cooperating, int year, String a,
            String b, String c, String d, String remarks) {
        ObjectNode t = JSON.createObjectNode().put("name", name).put("joint", joint).put("leadDepartment", lead);
        var coop = t.putArray("cooperatingDepartments");
        if (cooperating != null) {
            coop.add(cooperating);
        }
        t.put("drawLevel", "COUNTY_COUNTY");
        t.putObject("scope").put("department", DEPARTMENT).put("itemFamily", FAMILY);
        t.putObject("ratios").put("A", a).put("B", b).put("C", c).put("D", d);
        t.put("minimumCount", 3).put("frequency", "1 次/年").put("periodFrom", year + "-03-01")
                .put("periodTo", year + "-11-30").put("batches", 1).put("teamSize", 2).put("remarks", remarks);
        return t;
    }

    /** draw-service learns items from catalog.events: retry while it has not consumed them yet. */
    private void addTask(Context context, String planner, String planId, ObjectNode task) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            Http.Response r = context.http().postJson(url(context, "/plans/" + planId + "/tasks"), planner, task.toString());
            if (r.status() == 201) {
                return;
            }
            if (r.status() != 422 || System.nanoTime() > deadline) {
                throw new IllegalStateException("POST task " + task.get("name").asText() + " answered " + r.status() + ": "
                        + r.body());
            }
            ChildProcess.sleep(1000);
        }
    }

    private JsonNode findPlan(Context context, String planner, int year, String title) {
        JsonNode page = read(expect(context.http().get(url(context, "/plans?department=" + DEPARTMENT + "&year=" + year
                + "&size=200"), planner), 200, "GET /plans"));
        for (JsonNode p : page.get("items")) {
            if (p.get("title").asText().equals(title)) {
                return p;
            }
        }
        return null;
    }

    /** Waits until draw-service's copy of the pool equals roster's (the import's events take a while). */
    private void awaitPool(Context context, String planner) {
        String query = "?department=" + DEPARTMENT + "&itemFamily=" + URLEncoder.encode(FAMILY, StandardCharsets.UTF_8);
        String roster = context.url("roster-service", "/snapshots/subjects/summary" + query);
        String draw = url(context, "/read-models/subjects/summary" + query);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode r = read(expect(context.http().get(roster, planner), 200, "roster summary"));
            JsonNode d = read(expect(context.http().get(draw, planner), 200, "draw read-model summary"));
            if (r.get("count").asLong() > 0 && r.get("sha256").equals(d.get("sha256"))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("draw-service's copy of " + DEPARTMENT + "'s " + FAMILY + " pool ("
                        + d.get("count") + ") does not equal roster's (" + r.get("count") + ") after 120 s");
            }
            ChildProcess.sleep(1000);
        }
    }

    private static int version(Context context, String token, String path) {
        return read(expect(context.http().get(context.url("catalog-service", path), token), 200, "GET catalog " + path))
                .get("version").asInt();
    }

    private static String url(Context context, String path) {
        return context.url("draw-service", path);
    }

    private static Http.Response expect(Http.Response r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException(what + " answered " + r.status() + ": " + r.body());
        }
        return r;
    }

    private static JsonNode read(Http.Response r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + r.body(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
