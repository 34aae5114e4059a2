package org.shuangsuiji.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The catalog's copy of a roster-service department, kept from {@code roster.department.registered} (ADR 0008). */
@Entity
@Table(name = "known_department")
public class KnownDepartment extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String level;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "source_event", nullable = false)
    public String sourceEvent;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
