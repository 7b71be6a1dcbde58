package uk.probation.inspection.cases.judgement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The current rating a lead inspector recorded for a judgement-rated standard. */
@Entity
@Table(name = "judgement")
public class Judgement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "standard_id")
    public String standardId;

    public String rating;
    public String rationale;
    public int version;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
