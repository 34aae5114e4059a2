package org.shuangsuiji.catalog.service;

import java.util.List;
import org.shuangsuiji.catalog.domain.InspectionMethod;
import org.shuangsuiji.catalog.domain.ItemClass;
import org.shuangsuiji.catalog.domain.LegalBasis;
import org.shuangsuiji.catalog.domain.LifecycleStatus;

/**
 * The merged checklist of one joint visit ("进一次门、查多项事"): every item each department brings, and what the
 * team as a whole needs — the largest minimum team size and every required tag and method. Also the body of the
 * compliance handbook (合规手册).
 */
public record Checklist(
        String scenario,
        String code,
        int version,
        LifecycleStatus status,
        String name,
        String industryCode,
        String description,
        Department leadDepartment,
        List<Department> cooperatingDepartments,
        int itemCount,
        int minTeamSize,
        List<String> requiredTags,
        List<InspectionMethod> methods,
        List<Section> sections) {

    public record Department(String code, String name, String divisionCode) {}

    /** One department's part of the visit. */
    public record Section(String department, String departmentName, String role, List<Entry> items) {}

    public record Entry(
            String ref,
            String code,
            int version,
            String name,
            String category,
            String objectDescription,
            String content,
            List<InspectionMethod> methods,
            ItemClass itemClass,
            List<LegalBasis> legalBasis,
            int minTeamSize,
            List<String> requiredTags,
            String remarks) {}
}
