package org.shuangsuiji.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a 一业一查 scenario: for one industry, the lead and cooperating departments and their items. */
@Entity
@Table(name = "industry_scenario")
public class IndustryScenario extends Versioned {

    @Column(nullable = false, updatable = false)
    public String code;

    /** 抽查领域, e.g. 粮食收购企业. */
    @Column(nullable = false)
    public String name;

    /** GB/T 4754 industry code, or null. */
    @Column(name = "industry_code")
    public String industryCode;

    public String description;

    /** 发起部门: organises the joint task ("谁发起、谁组织"); its editors own the scenario. */
    @Column(name = "lead_department", nullable = false, updatable = false)
    public String leadDepartment;

    /** 配合部门. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cooperating_departments", nullable = false)
    public List<String> cooperatingDepartments;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ScenarioItem> items;

    @Override
    public String key() {
        return code;
    }

    @Override
    public String owningDepartment() {
        return leadDepartment;
    }

    public static IndustryScenario latest(String code) {
        return find("code = ?1 ORDER BY version DESC", code).firstResult();
    }

    public static IndustryScenario ofVersion(String code, int version) {
        return find("code = ?1 AND version = ?2", code, version).firstResult();
    }

    public static IndustryScenario published(String code) {
        return find("code = ?1 AND status = ?2", code, LifecycleStatus.PUBLISHED).firstResult();
    }
}
