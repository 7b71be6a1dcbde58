package uk.probation.inspection.cases.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A sampled case: a reference and the facts its framework declares (breakdowns are drawn from them), never a person's name. */
@Entity
@Table(name = "sampled_case")
public class SampledCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "case_ref")
    public String caseRef;

    public String cohort;

    @Column(name = "sentence_type")
    public String sentenceType;

    @Column(name = "young_adult")
    public Boolean youngAdult;

    public String gender;
    public String ethnicity;

    @Column(name = "rosh_level")
    public String roshLevel;

    @Column(name = "start_date")
    public LocalDate startDate;

    /**
     * Every attribute value the framework declares, as JSON (id to text or boolean). The columns above hold the
     * probation attributes too, for readers that predate declared attributes; they are null for other frameworks.
     */
    @Column(name = "attributes")
    public String attributes;

    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "registered_at")
    public Instant registeredAt;
}
