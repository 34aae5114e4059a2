package org.shuangsuiji.catalog.domain;

/** 检查方式. */
public enum InspectionMethod {
    /** 实地核查 */
    ON_SITE("实地核查"),
    /** 书面检查 */
    DOCUMENTARY("书面检查"),
    /** 网络监测 */
    ONLINE_MONITORING("网络监测"),
    /** 委托检验检测/财务审计 */
    COMMISSIONED_TESTING("委托检验检测");

    private final String label;

    InspectionMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads the Chinese wording of published lists (and the code names); null when not recognised. */
    public static InspectionMethod fromLabel(String text) {
        String t = text.trim();
        for (InspectionMethod m : values()) {
            if (m.name().equalsIgnoreCase(t) || m.label.equals(t)) {
                return m;
            }
        }
        return switch (t) {
            case "现场检查", "实地检查", "现场核查" -> ON_SITE;
            case "书面审查", "书面核查" -> DOCUMENTARY;
            case "网络检测", "网络核查", "网上核查" -> ONLINE_MONITORING;
            case "检验检测", "委托检测", "抽样检测", "财务审计", "委托审计", "委托检验检测/财务审计" -> COMMISSIONED_TESTING;
            default -> null;
        };
    }
}
