package org.shuangsuiji.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The catalog the seeds name: 平鲁区农业农村局's six item families, 阳城县发改局's grain items with 市场监管局's joint
 * items and the scenario 粮食收购企业, 阳城县水务局's water items, and implementation rules. The seeds name items,
 * ratios and periods but no legal articles: every basis here is a plausible invention and each item says so in its
 * remarks (示例数据). Loaded through the REST API with the demo users' tokens; a second run changes nothing.
 * Needs the departments from roster-service's demo data (waits for catalog-service to have consumed them).
 */
public final class CatalogDemoData implements DemoData {

    static final String SAMPLE = "示例数据：检查依据条款为演示而拟，以正式公布的抽查事项清单为准。";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "catalog (平鲁区农业农村局, 阳城县发改局 + 市场监管局 一业一查, 阳城县水务局, 细则)";
    }

    @Override
    public void load(Context context) {
        for (String d : List.of("PL-NYNCJ", "YC-FGJ", "YC-SCJGJ", "YC-SWJ")) {
            awaitDepartment(context, d);
        }
        String plannerPl = context.tokens().forDemoUser("planner-pl-nync");
        String reviewerPl = context.tokens().forDemoUser("reviewer-pl-nync");
        String plannerFgj = context.tokens().forDemoUser("planner-yc-fgj");
        String reviewerFgj = context.tokens().forDemoUser("reviewer-yc-fgj");
        String plannerScj = context.tokens().forDemoUser("planner-yc-scjg");
        String admin = context.tokens().forDemoUser("admin");

        // 平鲁区农业农村局 (平农发〔2021〕53号): 不低于5%, 每年不少于2次, 执法检查人员不少于2名.
        String pl = "PL-NYNCJ";
        item(context, plannerPl, reviewerPl, plItem("PL-NY-002", "农产品质量安全监督检查", "农产品质量安全监督检查",
                "农产品生产企业、农民专业合作社、家庭农场", "中华人民共和国农产品质量安全法", "第六十七条",
                "农产品生产记录、农业投入品使用、承诺达标合格证开具、农产品质量安全状况抽样检测",
                List.of("ON_SITE", "COMMISSIONED_TESTING"), "KEY", List.of("AGRI_PRODUCT_SAFETY")));
        item(context, plannerPl, reviewerPl, plItem("PL-NY-003", "农药生产监督检查", "农药监督检查", "农药生产企业",
                "农药管理条例", "第四十一条", "农药生产许可条件、原材料进货和出厂销售记录、产品质量、标签",
                List.of("ON_SITE", "COMMISSIONED_TESTING"), "KEY", List.of()));
        item(context, plannerPl, reviewerPl, plItem("PL-NY-004", "肥料监督检查", "肥料监督检查", "肥料生产经营者",
                "肥料登记管理办法", "第二十七条", "肥料登记证、产品标签标识、产品质量抽样检测",
                List.of("ON_SITE", "COMMISSIONED_TESTING"), "GENERAL", List.of()));
        item(context, plannerPl, reviewerPl, plItem("PL-NY-005", "种子监督检查", "种子监督检查", "农作物种子生产经营者",
                "中华人民共和国种子法", "第五十条", "种子生产经营许可、生产经营档案、标签和使用说明、种子质量",
                List.of("ON_SITE", "COMMISSIONED_TESTING"), "KEY", List.of("SEED")));
        item(context, plannerPl, reviewerPl, plItem("PL-NY-006", "兽药监督检查", "兽药监督检查", "兽药经营企业",
                "兽药管理条例", "第四十五条", "兽药经营许可、兽药经营质量管理规范执行情况、购销记录、处方药管理",
                List.of("ON_SITE", "DOCUMENTARY"), "KEY", List.of("VETERINARY_DRUG")));
        item(context, plannerPl, reviewerPl, plItem("PL-NY-007", "饲料监督检查", "饲料监督检查", "饲料和饲料添加剂生产经营者",
                "饲料和饲料添加剂管理条例", "第三十三条", "生产许可、原料和产品质量检验记录、产品标签、禁用物质",
                List.of("ON_SITE", "COMMISSIONED_TESTING"), "GENERAL", List.of()));
        rules(context, plannerPl, reviewerPl, pl, "0.05", "0.08", "0.12", "0.20", 2, List.of(), false,
                "平农发〔2021〕53号：比例不低于5%，每年不少于2次，抽取后五个工作日内结束检查；分类比例为示例数据。");

        // 阳城县发改局 (阳发改字〔2022〕21号): 粮食 items; 40% / 30%, 1 次/年, 2022.3-2022.11.
        String fgj = "YC-FGJ";
        item(context, plannerFgj, reviewerFgj, item("YC-FG-LS-001", "粮食收购、储存、运输活动和政策性粮食购销活动监督检查",
                "粮食流通监督检查", "全县粮食收购企业", fgj, "粮食流通管理条例", "第三十六条",
                "对粮食经营者从事粮食收购、储存、运输活动和政策性用粮的购销活动，以及执行国家粮食流通统计制度的情况进行监督检查",
                List.of("ON_SITE", "DOCUMENTARY"), "KEY", "0.4", 1, 2, List.of("GRAIN"),
                "抽查内容、比例（40%）和频次（1次/年）取自阳城县发改局2022年度计划。" + SAMPLE));
        item(context, plannerFgj, reviewerFgj, item("YC-FG-LS-002", "执行国家粮食流通统计制度情况检查", "粮食流通监督检查",
                "全县粮食收购企业", fgj, "粮食流通统计制度", "第十条", "粮食经营台账、统计报表报送的真实性和及时性",
                List.of("DOCUMENTARY"), "GENERAL", "0.3", 1, 2, List.of("GRAIN"),
                "比例（30%）取自阳城县发改局2022年度计划。" + SAMPLE));
        rules(context, plannerFgj, reviewerFgj, fgj, "0.25", "0.30", "0.40", "0.50", 1,
                List.<String[]>of(new String[] {"03-01", "11-30"}), true,
                "阳发改字〔2022〕21号：低风险、一般风险、较高风险、高风险企业分别递加比例抽查，抽查期间3月至11月；"
                        + "各类比例为围绕计划中40%/30%拟定的示例数据。");

        // 阳城县市场监督管理局: the joint items of the grain plan (no reviewer among the demo users: admin reviews).
        String scj = "YC-SCJGJ";
        item(context, plannerScj, admin, item("YC-SC-001", "登记事项检查", "市场主体登记监督检查", "粮食收购企业等市场主体",
                scj, "中华人民共和国市场主体登记管理条例", "第三十八条", "登记事项与实际情况是否一致：名称、住所、经营范围、法定代表人等",
                List.of("DOCUMENTARY", "ON_SITE"), "GENERAL", "0.05", 1, 2, List.of(), SAMPLE));
        item(context, plannerScj, admin, item("YC-SC-002", "公示信息检查", "企业信息公示监督检查", "粮食收购企业等市场主体",
                scj, "企业信息公示暂行条例", "第十四条", "年度报告和即时信息公示的真实性、及时性",
                List.of("DOCUMENTARY", "ONLINE_MONITORING"), "GENERAL", "0.05", 1, 2, List.of(), SAMPLE));
        item(context, plannerScj, admin, item("YC-SC-003", "商标使用行为的检查", "商标监督检查", "粮食收购企业等市场主体",
                scj, "中华人民共和国商标法", "第四十九条", "注册商标使用是否规范，有无自行改变注册商标、冒充注册商标等行为",
                List.of("ON_SITE"), "GENERAL", "0.05", 1, 2, List.of(), SAMPLE));
        item(context, plannerScj, admin, item("YC-SC-004", "专利真实性监督检查", "专利监督检查", "粮食收购企业等市场主体",
                scj, "中华人民共和国专利法", "第六十八条", "专利标识标注是否规范，有无假冒专利行为",
                List.of("ON_SITE", "DOCUMENTARY"), "GENERAL", "0.05", 1, 2, List.of(), SAMPLE));
        item(context, plannerScj, admin, item("YC-SC-005", "在用计量器具监督检查", "计量监督检查", "粮食收购企业等使用计量器具的单位",
                scj, "中华人民共和国计量法", "第九条", "强制检定的在用计量器具（如地磅、衡器）是否按期检定、是否合格",
                List.of("ON_SITE", "COMMISSIONED_TESTING"), "KEY", "0.05", 1, 2, List.of("METROLOGY"), SAMPLE));

        // 一业一查: 粮食收购企业, 发起 阳城县发改局, 配合 阳城县市场监管局.
        scenario(context, plannerFgj, reviewerFgj);

        // 阳城县水务局 (阳水字〔2024〕24号) names no items: plausible water items, all sample data; admin edits and reviews.
        String swj = "YC-SWJ";
        item(context, admin, admin, item("YC-SW-001", "取水许可监督检查", "水资源管理监督检查", "取用水户", swj,
                "取水许可和水资源费征收管理条例", "第四十三条", "取水许可证、取水计量设施安装运行、按许可取水情况",
                List.of("ON_SITE", "DOCUMENTARY"), "KEY", "0.05", 1, 2, List.of(), SAMPLE));
        item(context, admin, admin, item("YC-SW-002", "水土保持方案实施情况监督检查", "水土保持监督检查", "生产建设项目单位", swj,
                "中华人民共和国水土保持法", "第四十三条", "水土保持方案落实、水土保持设施建设和验收情况",
                List.of("ON_SITE"), "GENERAL", "0.05", 1, 2, List.of(), SAMPLE));
        item(context, admin, admin, item("YC-SW-003", "河道管理范围内建设项目监督检查", "河道管理监督检查", "河道管理范围内建设项目单位",
                swj, "中华人民共和国河道管理条例", "第十一条", "建设方案审查同意手续、按批准方案施工情况",
                List.of("ON_SITE"), "GENERAL", "0.05", 1, 2, List.of(), SAMPLE));
        item(context, admin, admin, item("YC-SW-004", "河道采砂监督检查", "河道管理监督检查", "河道采砂单位和个人", swj,
                "中华人民共和国水法", "第三十九条", "采砂许可、按许可范围和方式开采、弃料处理和现场清理",
                List.of("ON_SITE", "ONLINE_MONITORING"), "KEY", "0.05", 1, 2, List.of(), SAMPLE));
    }

    private static ObjectNode plItem(String code, String name, String category, String object, String law, String article,
            String content, List<String> methods, String itemClass, List<String> tags) {
        return item(code, name, category, object, "PL-NYNCJ", law, article, content, methods, itemClass, "0.05", 2, 2, tags,
                "比例（不低于5%）、频次（每年不少于2次）和人数（不少于2名）取自平农发〔2021〕53号。" + SAMPLE);
    }

    static ObjectNode item(String code, String name, String category, String object, String department, String law,
            String article, String content, List<String> methods, String itemClass, String ratio, int frequency, int team,
            List<String> tags, String remarks) {
        ObjectNode n = JSON.createObjectNode();
        n.put("code", code).put("name", name).put("category", category).put("objectDescription", object)
                .put("department", department);
        n.putArray("legalBasis").addObject().put("law", law).put("article", article);
        n.put("content", content);
        ArrayNode m = n.putArray("methods");
        methods.forEach(m::add);
        n.put("itemClass", itemClass).put("defaultRatio", ratio).put("frequency", frequency).put("minTeamSize", team);
        ArrayNode t = n.putArray("requiredTags");
        tags.forEach(t::add);
        n.put("remarks", remarks);
        return n;
    }

    /** Creates the item if its code is new, then takes its latest version through review to published. */
    static void item(Context context, String editor, String reviewer, ObjectNode body) {
        String code = body.get("code").asText();
        String base = context.url("catalog-service", "/items/");
        Http.Response existing = context.http().get(base + code, editor);
        if (existing.status() == 404) {
            expect(context.http().postJson(context.url("catalog-service", "/items"), editor, body.toString()), 201,
                    "POST /items " + code);
        } else {
            expect(existing, 200, "GET /items/" + code);
        }
        advance(context, base + code, editor, reviewer);
    }

    /** draft → submitted → approved → published, from wherever the latest version stands; published stays. */
    static void advance(Context context, String url, String editor, String reviewer) {
        for (int i = 0; i < 4; i++) {
            String status = read(expect(context.http().get(url, editor), 200, "GET " + url)).get("status").asText();
            switch (status) {
                case "DRAFT" -> expect(context.http().postJson(url + "/submit", editor, "{\"comment\":\"演示数据\"}"), 200, "submit " + url);
                case "SUBMITTED" -> expect(context.http().postJson(url + "/approve", reviewer, "{\"comment\":\"法规科审核通过\"}"), 200, "approve " + url);
                case "APPROVED" -> expect(context.http().postJson(url + "/publish", reviewer, ""), 200, "publish " + url);
                default -> {
                    return; // PUBLISHED, or retired by someone on purpose: leave it
                }
            }
        }
    }

    private static void rules(Context context, String editor, String reviewer, String department, String a, String b,
            String c, String d, Integer maxPerYear, List<String[]> windows, boolean classANotTwice, String remarks) {
        String url = context.url("catalog-service", "/rules/" + department);
        Http.Response existing = context.http().get(url, editor);
        if (existing.status() == 404) {
            ObjectNode n = JSON.createObjectNode();
            n.put("department", department);
            n.putObject("ratios").put("A", a).put("B", b).put("C", c).put("D", d);
            n.put("minimumCount", 3).put("maxInspectionsPerSubjectPerYear", maxPerYear);
            ArrayNode w = n.putArray("windows");
            windows.forEach(x -> w.addObject().put("from", x[0]).put("to", x[1]));
            n.put("classANotTwicePerYear", classANotTwice).put("inspectWorkingDays", 5).put("resultEntryWorkingDays", 20)
                    .put("remarks", remarks);
            expect(context.http().postJson(context.url("catalog-service", "/rules"), editor, n.toString()), 201,
                    "POST /rules " + department);
        }
        advance(context, url, editor, reviewer);
    }

    private static void scenario(Context context, String editor, String reviewer) {
        String code = "YC-LH-LS-001";
        String url = context.url("catalog-service", "/scenarios/" + code);
        if (context.http().get(url, editor).status() == 404) {
            ObjectNode n = JSON.createObjectNode();
            n.put("code", code).put("name", "粮食收购企业").put("industryCode", "F5111")
                    .put("description", "部门联合粮食企业监督检查：全县粮食收购企业，抽查比例40%，1次/年，2022年3月至11月"
                            + "（阳城县发改局2022年度计划）。行业代码为示例数据。")
                    .put("leadDepartment", "YC-FGJ");
            n.putArray("cooperatingDepartments").add("YC-SCJGJ");
            ArrayNode items = n.putArray("items");
            for (String item : List.of("YC-FG-LS-001", "YC-SC-001", "YC-SC-002", "YC-SC-003", "YC-SC-004", "YC-SC-005")) {
                items.addObject().put("itemCode", item);
            }
            expect(context.http().postJson(context.url("catalog-service", "/scenarios"), editor, n.toString()), 201,
                    "POST /scenarios " + code);
        }
        advance(context, url, editor, reviewer);
    }

    /** catalog-service learns departments from roster.events; give the consumer time after roster's demo data. */
    static void awaitDepartment(Context context, String department) {
        String url = context.url("catalog-service", "/public/departments/" + URLEncoder.encode(department, StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (context.http().get(url, null).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("catalog-service does not know department " + department
                        + " after 90 s: is it registered in roster-service (roster demo data)?");
            }
            ChildProcess.sleep(500);
        }
    }

    static Http.Response expect(Http.Response r, int status, String what) {
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
}
