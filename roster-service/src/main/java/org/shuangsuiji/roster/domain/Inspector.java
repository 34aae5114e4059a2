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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** 执法检查人员. {@code idNumber} and {@code phone} are personal data. */
@Entity
@Table(name = "inspector")
public class Inspector extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectorKind kind;

    @Column(name = "certificate_number")
    public String certificateNumber;

    @Column(name = "certificate_valid_from")
    public LocalDate certificateValidFrom;

    @Column(name = "certificate_valid_to")
    public LocalDate certificateValidTo;

    @Column(name = "region_division_code", nullable = false)
    public String regionDivisionCode;

    @Column(name = "yearly_workload_cap", nullable = false)
    public int yearlyWorkloadCap;

    @Column(name = "id_number")
    public String idNumber;

    public String phone;

    @ElementCollection
    @CollectionTable(name = "inspector_expertise", joinColumns = @JoinColumn(name = "inspector_id"))
    @Column(name = "tag", nullable = false)
    @BatchSize(size = 100)
    public Set<String> expertise = new TreeSet<>();

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
