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
import java.time.OffsetDateTime;
import java.util.List;

/** One step in a version's life (created, edited, submitted, approved, …): append-only, never updated. */
@Entity
@Table(name = "catalog_transition")
public class Transition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Aggregate aggregate;

    @Column(name = "aggregate_key", nullable = false, updatable = false)
    public String aggregateKey;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(nullable = false, updatable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    public LifecycleStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    public LifecycleStatus toStatus;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime at;

    @Column(updatable = false)
    public String comment;

    public static List<Transition> of(Aggregate aggregate, String key) {
        return list("aggregate = ?1 AND aggregateKey = ?2 ORDER BY id", aggregate, key);
    }
}
