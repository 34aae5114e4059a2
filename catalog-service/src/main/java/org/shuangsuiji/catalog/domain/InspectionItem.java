package org.shuangsuiji.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a 随机抽查事项; draws and results reference it as {@code code@version}. */
@Entity
@Table(name = "inspection_item")
public class InspectionItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String department;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "legal_basis", nullable = false)
    public List<LegalBasis> legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemStatus status;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;

    public static InspectionItem latest(String code) {
        return find("code = ?1 ORDER BY version DESC", code).firstResult();
    }
}
