package uk.probation.inspection.baseline;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row per request: what the services' answer PUT writes at the least. */
@Entity
@Table(name = "recorded_answer")
public class RecordedAnswer {

    @Id
    public UUID id;

    @Column(name = "inspection_id", nullable = false)
    public String inspectionId;

    @Column(name = "case_ref", nullable = false)
    public String caseRef;

    @Column(name = "question_id", nullable = false)
    public String questionId;

    @Column(nullable = false)
    public String answer;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
