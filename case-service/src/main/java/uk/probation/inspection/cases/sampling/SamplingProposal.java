package uk.probation.inspection.cases.sampling;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A proposed sample: the long list as sent ({@code longList}, JSON) and its draw ({@code draw}, JSON). */
@Entity
@Table(name = "sampling_proposal")
public class SamplingProposal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    public long seed;
    public int size;
    public BigDecimal buffer;

    @Column(name = "long_list")
    public String longList;

    public String draw;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "accepted_at")
    public Instant acceptedAt;
}
