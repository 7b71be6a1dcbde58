package uk.probation.inspection.cases.answer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of an answer: who changed it, when, from what to what. */
@Entity
@Table(name = "answer_version")
public class AnswerVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "answer_id")
    public UUID answerId;

    public int version;

    @Column(name = "previous_answer")
    public String previousAnswer;

    public String answer;
    public String note;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
