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

/** 回避: a declared relation between an inspector and a subject. Confidential. */
@Entity
@Table(name = "conflict_of_interest")
public class ConflictOfInterest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspector_id", nullable = false)
    public UUID inspectorId;

    @Column(nullable = false)
    public String uscc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConflictKind kind;

    @Column(nullable = false)
    public String reason;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "declared_by", nullable = false)
    public String declaredBy;

    @Column(name = "declared_at", nullable = false)
    public OffsetDateTime declaredAt;

    /** Withdrawn conflicts no longer exclude anyone; the row stays for the record. */
    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** The enterprise's recusal request this conflict was accepted from, if any. */
    @Column(name = "recusal_request_id")
    public UUID recusalRequestId;
}
