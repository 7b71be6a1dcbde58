package uk.probation.inspection.cases.judgement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a judgement. */
@Entity
@Table(name = "judgement_version")
public class JudgementVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "judgement_id")
    public UUID judgementId;

    public int version;

    @Column(name = "previous_rating")
    public String previousRating;

    public String rating;
    public String rationale;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
