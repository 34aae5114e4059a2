package org.shuangsuiji.draw.domain;

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

/**
 * 随机抽取: one draw of one task batch. The announcement columns are frozen by a database trigger, and once
 * COMPUTED the row never changes again.
 */
@Entity
@Table(name = "draw")
public class Draw extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false, updatable = false)
    public UUID taskId;

    @Column(nullable = false, updatable = false)
    public int batch;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DrawStatus status;

    @Column(nullable = false, updatable = false)
    public String algorithm;

    @Column(name = "algorithm_version", nullable = false, updatable = false)
    public String algorithmVersion;

    @Column(name = "inspection_from", nullable = false, updatable = false)
    public LocalDate inspectionFrom;

    @Column(name = "inspection_to", nullable = false, updatable = false)
    public LocalDate inspectionTo;

    /** The announcement as canonical JSON, exactly the bytes its SHA-256 covers. */
    @Column(nullable = false, updatable = false)
    public String announcement;

    @Column(name = "announcement_sha256", nullable = false, updatable = false)
    public String announcementSha256;

    /** Confidential: the strata map (opaque stratum id → risk class, ratio) as canonical JSON; its hash is public. */
    @Column(name = "strata_map", nullable = false, updatable = false)
    public String strataMap;

    @Column(name = "announced_by", nullable = false, updatable = false)
    public String announcedBy;

    @Column(name = "announced_at", nullable = false, updatable = false)
    public OffsetDateTime announcedAt;

    @Column(name = "computed_by")
    public String computedBy;

    @Column(name = "computed_at")
    public OffsetDateTime computedAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
