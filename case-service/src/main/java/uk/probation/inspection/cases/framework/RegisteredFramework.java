package uk.probation.inspection.cases.framework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A framework an admin registered, stored as its JSON (built-in frameworks live in the application). */
@Entity
@Table(name = "framework")
public class RegisteredFramework extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String body;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "replaced_at")
    public Instant replacedAt;
}
