package org.shuangsuiji.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * One version of a reviewed, published thing. A version is edited only while it is a draft; once published it never
 * changes again except for being superseded or retired, which the transition log records.
 */
@MappedSuperclass
public abstract class Versioned extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LifecycleStatus status;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "retired_by")
    public String retiredBy;

    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;

    /** The stable identity across versions: item code, scenario code or rule-set key. */
    public abstract String key();

    /** The department whose editors and reviewers own this thing. */
    public abstract String owningDepartment();
}
