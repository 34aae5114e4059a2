package org.shuangsuiji.local;

/**
 * The walking skeleton: a planner of 平鲁区农业农村局 drafts a catalog item, a reviewer publishes it, and it shows up in
 * the public list once publication-service has consumed {@code catalog.item.published}.
 */
public final class WalkingSkeletonDemoData implements DemoData {

    public static final String ITEM_CODE = "PL-NY-001";
    public static final String ITEM_JSON = """
            {"code":"PL-NY-001","name":"农药经营监督检查","department":"PL-NYNCJ",\
            "legalBasis":[{"law":"农药管理条例","article":"第二十六条"}]}""";

    @Override
    public String name() {
        return "walking skeleton (catalog item " + ITEM_CODE + ", published)";
    }

    @Override
    public void load(Context context) {
        String planner = context.tokens().forDemoUser("planner-pl-nync");
        Http.Response created = context.http().postJson(context.url("catalog-service", "/items"), planner, ITEM_JSON);
        if (created.status() != 201 && created.status() != 409) { // 409: already there from an earlier run
            throw new IllegalStateException("POST /items answered " + created.status() + ": " + created.body());
        }
        String reviewer = context.tokens().forDemoUser("reviewer-pl-nync");
        Http.Response published = context.http().postJson(
                context.url("catalog-service", "/items/" + ITEM_CODE + "/publish"), reviewer, "");
        if (published.status() != 200 && published.status() != 409) {
            throw new IllegalStateException("POST /items/" + ITEM_CODE + "/publish answered " + published.status()
                    + ": " + published.body());
        }
    }
}
