package org.shuangsuiji.roster.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A period (both dates inclusive) when an inspector is not available for inspections. */
@Entity
@Table(name = "inspector_unavailability")
public class Unavailability extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspector_id", nullable = false)
    public UUID inspectorId;

    @Column(name = "from_date", nullable = false)
    public LocalDate from;

    @Column(name = "to_date", nullable = false)
    public LocalDate to;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnavailabilityReason reason;

    public String note;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;

    @Column(name = "removed_by")
    public String removedBy;

    @Column(name = "removed_at")
    public OffsetDateTime removedAt;
}
