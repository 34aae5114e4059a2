package org.shuangsuiji.catalog.service;

import java.util.stream.Collectors;
import org.shuangsuiji.catalog.domain.InspectionMethod;
import org.shuangsuiji.catalog.domain.LegalBasis;

/**
 * The compliance handbook (一业一查合规手册) of a published scenario, for the businesses of the industry: what the
 * joint visit checks, on which legal basis, and how. Rendered from the merged checklist as Markdown or HTML.
 */
public final class Handbook {

    private Handbook() {}

    public static String markdown(Checklist c) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(c.name()).append(" 合规手册（一业一查）\n\n");
        b.append("- 场景：").append(c.scenario());
        if (c.industryCode() != null) {
            b.append("，行业代码（GB/T 4754）：").append(c.industryCode());
        }
        b.append('\n');
        b.append("- 发起部门：").append(c.leadDepartment().name()).append('\n');
        b.append("- 配合部门：").append(c.cooperatingDepartments().stream().map(Checklist.Department::name)
                .collect(Collectors.joining("、"))).append('\n');
        b.append("- 一次检查涵盖 ").append(c.itemCount()).append(" 个抽查事项（进一次门、查多项事），检查人员不少于 ")
                .append(c.minTeamSize()).append(" 名\n\n");
        if (c.description() != null) {
            b.append(c.description()).append("\n\n");
        }
        int n = 1;
        for (Checklist.Section s : c.sections()) {
            b.append("## ").append(s.departmentName()).append("（").append("LEAD".equals(s.role()) ? "发起部门" : "配合部门")
                    .append("）\n\n");
            for (Checklist.Entry e : s.items()) {
                b.append("### ").append(n++).append(". ").append(e.name()).append("（").append(e.ref()).append("）\n\n");
                b.append("- 抽查类别：").append(e.category()).append('\n');
                b.append("- 检查对象：").append(e.objectDescription()).append('\n');
                b.append("- 事项类别：").append(e.itemClass().label()).append('\n');
                b.append("- 检查方式：").append(methods(e)).append('\n');
                b.append("- 检查依据：\n");
                for (LegalBasis l : e.legalBasis()) {
                    b.append("  - ").append(basis(l)).append('\n');
                }
                b.append("- 抽查内容：").append(e.content()).append('\n');
                if (e.remarks() != null) {
                    b.append("- 备注：").append(e.remarks()).append('\n');
                }
                b.append('\n');
            }
        }
        b.append("---\n本手册由抽查事项清单生成，以各部门公布的抽查事项为准。\n");
        return b.toString();
    }

    public static String html(Checklist c) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(c.name())).append(" 合规手册</title></head><body>\n");
        b.append("<h1>").append(esc(c.name())).append(" 合规手册（一业一查）</h1>\n<ul>\n");
        b.append("<li>场景：").append(esc(c.scenario()));
        if (c.industryCode() != null) {
            b.append("，行业代码（GB/T 4754）：").append(esc(c.industryCode()));
        }
        b.append("</li>\n<li>发起部门：").append(esc(c.leadDepartment().name())).append("</li>\n");
        b.append("<li>配合部门：").append(esc(c.cooperatingDepartments().stream().map(Checklist.Department::name)
                .collect(Collectors.joining("、")))).append("</li>\n");
        b.append("<li>一次检查涵盖 ").append(c.itemCount()).append(" 个抽查事项，检查人员不少于 ").append(c.minTeamSize())
                .append(" 名</li>\n</ul>\n");
        if (c.description() != null) {
            b.append("<p>").append(esc(c.description())).append("</p>\n");
        }
        int n = 1;
        for (Checklist.Section s : c.sections()) {
            b.append("<h2>").append(esc(s.departmentName())).append("（")
                    .append("LEAD".equals(s.role()) ? "发起部门" : "配合部门").append("）</h2>\n");
            for (Checklist.Entry e : s.items()) {
                b.append("<h3>").append(n++).append(". ").append(esc(e.name())).append("（").append(esc(e.ref()))
                        .append("）</h3>\n<dl>\n");
                row(b, "抽查类别", e.category());
                row(b, "检查对象", e.objectDescription());
                row(b, "事项类别", e.itemClass().label());
                row(b, "检查方式", methods(e));
                b.append("<dt>检查依据</dt><dd><ul>");
                for (LegalBasis l : e.legalBasis()) {
                    b.append("<li>").append(esc(basis(l))).append("</li>");
                }
                b.append("</ul></dd>\n");
                row(b, "抽查内容", e.content());
                if (e.remarks() != null) {
                    row(b, "备注", e.remarks());
                }
                b.append("</dl>\n");
            }
        }
        b.append("<hr><p>本手册由抽查事项清单生成，以各部门公布的抽查事项为准。</p>\n</body></html>\n");
        return b.toString();
    }

    /** 《农药管理条例》第二十六条 — the way published lists cite a basis. */
    public static String basis(LegalBasis l) {
        String law = l.law().strip();
        String cited = law.startsWith("《") ? law : "《" + law + "》";
        return l.article() == null || l.article().isBlank() ? cited : cited + l.article().strip();
    }

    private static String methods(Checklist.Entry e) {
        return e.methods().stream().map(InspectionMethod::label).collect(Collectors.joining("、"));
    }

    private static void row(StringBuilder b, String term, String value) {
        b.append("<dt>").append(term).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
