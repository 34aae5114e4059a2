package org.shuangsuiji.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a 随机抽查事项; draws and results reference it as {@code code@version}. */
@Entity
@Table(name = "inspection_item")
public class InspectionItem extends Versioned {

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    /** 抽查类别, e.g. 农药监督检查. */
    @Column(nullable = false)
    public String category;

    /** 检查对象. */
    @Column(name = "object_description", nullable = false)
    public String objectDescription;

    /** 检查主体: a department code known from roster-service. */
    @Column(nullable = false, updatable = false)
    public String department;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "legal_basis", nullable = false)
    public List<LegalBasis> legalBasis;

    /** 抽查内容. */
    @Column(nullable = false)
    public String content;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<InspectionMethod> methods;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_class", nullable = false)
    public ItemClass itemClass;

    @Column(name = "default_ratio", nullable = false, precision = 5, scale = 4)
    public BigDecimal defaultRatio;

    /** Inspections per subject and year (抽查频次). */
    @Column(nullable = false)
    public int frequency;

    @Column(name = "min_team_size", nullable = false)
    public int minTeamSize;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_tags", nullable = false)
    public List<String> requiredTags;

    public String remarks;

    @Override
    public String key() {
        return code;
    }

    @Override
    public String owningDepartment() {
        return department;
    }

    public String ref() {
        return code + "@" + version;
    }

    public static InspectionItem latest(String code) {
        return find("code = ?1 ORDER BY version DESC", code).firstResult();
    }

    public static InspectionItem ofVersion(String code, int version) {
        return find("code = ?1 AND version = ?2", code, version).firstResult();
    }

    /** The version plans may use now: the one PUBLISHED version of the code, if any. */
    public static InspectionItem published(String code) {
        return find("code = ?1 AND status = ?2", code, LifecycleStatus.PUBLISHED).firstResult();
    }
}
