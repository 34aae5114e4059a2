package org.shuangsuiji.local;

import java.util.List;

/**
 * The walking skeleton: a planner of 平鲁区农业农村局 drafts a catalog item, a reviewer approves and publishes it, and it
 * shows up in the public list once publication-service has consumed {@code catalog.item.published}. The catalog accepts
 * only departments registered in roster-service, so the department (and its parents) is registered first if missing.
 */
public final class WalkingSkeletonDemoData implements DemoData {

    public static final String ITEM_CODE = "PL-NY-001";
    public static final String ITEM_JSON = """
            {"code":"PL-NY-001","name":"农药经营监督检查","category":"农药监督检查","objectDescription":"农药经营者",\
            "department":"PL-NYNCJ","legalBasis":[{"law":"农药管理条例","article":"第二十六条"}],\
            "content":"农药经营许可、进货查验和购销台账、标签和说明书、限制使用农药定点经营",\
            "methods":["ON_SITE","DOCUMENTARY"],"itemClass":"KEY","defaultRatio":"0.05","frequency":2,"minTeamSize":2,\
            "requiredTags":[],"remarks":"比例、频次和人数取自平农发〔2021〕53号。示例数据：检查依据条款为演示而拟，以正式公布的抽查事项清单为准。"}""";

    private static final List<String[]> DEPARTMENTS = List.of(
            new String[] {"SX-NYNCT", "山西省农业农村厅", "PROVINCE", "140000", null},
            new String[] {"SZ-NYNCJ", "朔州市农业农村局", "CITY", "140600", "SX-NYNCT"},
            new String[] {"PL-NYNCJ", "平鲁区农业农村局", "COUNTY", "140603", "SZ-NYNCJ"});

    @Override
    public String name() {
        return "walking skeleton (catalog item " + ITEM_CODE + ", published)";
    }

    @Override
    public void load(Context context) {
        String admin = context.tokens().forDemoUser("admin");
        for (String[] d : DEPARTMENTS) {
            String body = "{\"code\":\"%s\",\"name\":\"%s\",\"level\":\"%s\",\"divisionCode\":\"%s\",\"parentCode\":%s}"
                    .formatted(d[0], d[1], d[2], d[3], d[4] == null ? "null" : "\"" + d[4] + "\"");
            Http.Response r = context.http().postJson(context.url("roster-service", "/departments"), admin, body);
            if (r.status() != 201 && r.status() != 409) { // 409: registered by an earlier run or roster's demo data
                throw new IllegalStateException("POST /departments " + d[0] + " answered " + r.status() + ": " + r.body());
            }
        }
        CatalogDemoData.awaitDepartment(context, "PL-NYNCJ");
        String planner = context.tokens().forDemoUser("planner-pl-nync");
        String reviewer = context.tokens().forDemoUser("reviewer-pl-nync");
        Http.Response created = context.http().postJson(context.url("catalog-service", "/items"), planner, ITEM_JSON);
        if (created.status() != 201 && created.status() != 409) { // 409: already there from an earlier run
            throw new IllegalStateException("POST /items answered " + created.status() + ": " + created.body());
        }
        CatalogDemoData.advance(context, context.url("catalog-service", "/items/" + ITEM_CODE), planner, reviewer);
    }
}
