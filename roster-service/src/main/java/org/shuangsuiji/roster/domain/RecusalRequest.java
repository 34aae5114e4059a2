package org.shuangsuiji.roster.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 申请回避: a subject asks that an inspector be recused. Confidential, like the conflict it may become. */
@Entity
@Table(name = "recusal_request")
public class RecusalRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String uscc;

    @Column(name = "inspector_id", nullable = false)
    public UUID inspectorId;

    /** Who filed it for the enterprise (e.g. its legal representative), as written on the request. */
    @Column(nullable = false)
    public String applicant;

    @Column(nullable = false)
    public String reason;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecusalState state;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "filed_at", nullable = false)
    public OffsetDateTime filedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "conflict_id")
    public UUID conflictId;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
