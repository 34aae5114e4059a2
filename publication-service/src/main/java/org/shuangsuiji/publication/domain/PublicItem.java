package org.shuangsuiji.publication.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The current published version of an inspection item, as shown on the public list. */
@Entity
@Table(name = "public_item")
public class PublicItem extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String department;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "legal_basis", nullable = false)
    public JsonNode legalBasis;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    /** The id of the event this row was built from, so every public fact traces back to its origin. */
    @Column(name = "source_event", nullable = false)
    public String sourceEvent;
}
