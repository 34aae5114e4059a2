package org.shuangsuiji.catalog.domain;

/** 事项类别: 重点检查事项 or 一般检查事项. */
public enum ItemClass {
    KEY("重点检查事项"),
    GENERAL("一般检查事项");

    private final String label;

    ItemClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads 重点/一般 (with or without 检查事项) and the code names; null when not recognised. */
    public static ItemClass fromLabel(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("KEY") || t.startsWith("重点")) {
            return KEY;
        }
        if (t.equalsIgnoreCase("GENERAL") || t.startsWith("一般")) {
            return GENERAL;
        }
        return null;
    }
}
