package uk.probation.inspection.cases.answer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The current answer to one question for one case; its versions are in {@link AnswerVersion}. */
@Entity
@Table(name = "answer")
public class Answer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "question_id")
    public String questionId;

    public String answer;
    public String note;
    public int version;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
