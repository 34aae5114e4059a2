package org.shuangsuiji.draw.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 抽查任务: one plan line. Changes only while its plan is a draft or being adjusted, and never once drawn. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(nullable = false, updatable = false)
    public int seq;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean joint;

    @Column(name = "lead_department", nullable = false)
    public String leadDepartment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cooperating_departments", nullable = false)
    public List<String> cooperatingDepartments = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "draw_level", nullable = false)
    public DrawLevel drawLevel;

    @Column(name = "scenario_code")
    public String scenarioCode;

    @Column(name = "scenario_version")
    public Integer scenarioVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ItemRef> items = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public SubjectScope scope;

    @Column(name = "ratio_a", nullable = false)
    public BigDecimal ratioA;

    @Column(name = "ratio_b", nullable = false)
    public BigDecimal ratioB;

    @Column(name = "ratio_c", nullable = false)
    public BigDecimal ratioC;

    @Column(name = "ratio_d", nullable = false)
    public BigDecimal ratioD;

    /** TASK when the planner set the ratios, otherwise the catalog rules' key they came from. */
    @Column(name = "ratio_source", nullable = false)
    public String ratioSource;

    @Column(name = "minimum_count", nullable = false)
    public int minimumCount;

    public String frequency;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    public LocalDate periodTo;

    @Column(nullable = false)
    public int batches;

    @Column(name = "team_size", nullable = false)
    public int teamSize;

    public String remarks;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;

    /** Lead first, then the cooperating departments in the order given. */
    public List<String> participatingDepartments() {
        List<String> all = new ArrayList<>();
        all.add(leadDepartment);
        for (String d : cooperatingDepartments) {
            if (!all.contains(d)) {
                all.add(d);
            }
        }
        return all;
    }

    public BigDecimal ratio(Stratum stratum) {
        return switch (stratum) {
            case A -> ratioA;
            case B, UNCLASSIFIED -> ratioB;
            case C -> ratioC;
            case D -> ratioD;
        };
    }
}
