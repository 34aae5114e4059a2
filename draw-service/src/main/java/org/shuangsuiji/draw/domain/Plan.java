package org.shuangsuiji.draw.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 年度抽查计划: a department's plan for one year; joint when other departments take part. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String department;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public boolean joint;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "participating_departments", nullable = false)
    public List<String> participatingDepartments = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    /** The latest published revision; 0 before the first publication. */
    @Column(nullable = false)
    public int revision;

    /** The upper-level department the plan was filed with (备案). */
    @Column(name = "filed_with")
    public String filedWith;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
