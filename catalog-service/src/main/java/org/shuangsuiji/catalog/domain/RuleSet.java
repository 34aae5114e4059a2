package org.shuangsuiji.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a department's or an item's implementation rules (抽查工作细则) as data. The key is the department
 * code, or {@code department/itemCode} for rules of one item, which override the department's.
 */
@Entity
@Table(name = "rule_set")
public class RuleSet extends Versioned {

    @Column(name = "rule_key", nullable = false, updatable = false)
    public String ruleKey;

    @Column(nullable = false, updatable = false)
    public String department;

    @Column(name = "item_code", updatable = false)
    public String itemCode;

    @Column(name = "ratio_a", nullable = false, precision = 5, scale = 4)
    public BigDecimal ratioA;

    @Column(name = "ratio_b", nullable = false, precision = 5, scale = 4)
    public BigDecimal ratioB;

    @Column(name = "ratio_c", nullable = false, precision = 5, scale = 4)
    public BigDecimal ratioC;

    @Column(name = "ratio_d", nullable = false, precision = 5, scale = 4)
    public BigDecimal ratioD;

    @Column(name = "minimum_count", nullable = false)
    public int minimumCount;

    @Column(name = "max_inspections_per_subject_per_year")
    public Integer maxInspectionsPerSubjectPerYear;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<InspectionWindow> windows;

    @Column(name = "class_a_not_twice_per_year", nullable = false)
    public boolean classANotTwicePerYear;

    @Column(name = "inspect_working_days", nullable = false)
    public int inspectWorkingDays;

    @Column(name = "result_entry_working_days", nullable = false)
    public int resultEntryWorkingDays;

    public String remarks;

    @Override
    public String key() {
        return ruleKey;
    }

    @Override
    public String owningDepartment() {
        return department;
    }

    public static String keyOf(String department, String itemCode) {
        return itemCode == null ? department : department + "/" + itemCode;
    }

    public static RuleSet latest(String key) {
        return find("ruleKey = ?1 ORDER BY version DESC", key).firstResult();
    }

    public static RuleSet ofVersion(String key, int version) {
        return find("ruleKey = ?1 AND version = ?2", key, version).firstResult();
    }

    public static RuleSet published(String key) {
        return find("ruleKey = ?1 AND status = ?2", key, LifecycleStatus.PUBLISHED).firstResult();
    }
}
