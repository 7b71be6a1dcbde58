package uk.probation.inspection.cases.secondreading;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How a disagreement was settled, by whom, when and why: the audit of a second reading. */
@Entity
@Table(name = "second_reading_resolution")
public class Resolution extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "second_reading_id")
    public UUID secondReadingId;

    @Column(name = "question_id")
    public String questionId;

    @Column(name = "first_answer")
    public String firstAnswer;

    @Column(name = "first_by")
    public String firstBy;

    @Column(name = "second_answer")
    public String secondAnswer;

    public String outcome;
    public String answer;
    public String reason;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
