package org.shuangsuiji.roster.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 检查对象: a market entity in one or more departments' directories, identified by its USCC. */
@Entity
@Table(name = "subject")
public class Subject extends PanacheEntityBase {

    @Id
    public String uscc;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubjectKind kind;

    /** GB/T 4754 industry: section letter and up to 4 digits, e.g. C1310. */
    @Column(name = "industry_code", nullable = false)
    public String industryCode;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    public String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubjectStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_class")
    public RiskClass riskClass;

    @Column(name = "risk_as_of")
    public LocalDate riskAsOf;

    @Column(name = "risk_source")
    public String riskSource;

    /** Sorted and distinct, stored as arrays on the row (ADR 0016): a subject's lists are read and written with it. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "departments", nullable = false)
    public SortedSet<String> departments = new TreeSet<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "item_families", nullable = false)
    public SortedSet<String> itemFamilies = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "subject_tag", joinColumns = @JoinColumn(name = "uscc"))
    @BatchSize(size = 100)
    public List<SubjectTag> tags = new ArrayList<>();

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
}
