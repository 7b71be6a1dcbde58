package uk.probation.inspection.cases.secondreading;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The second reader's answer to one key question of the case. */
@Entity
@Table(name = "second_answer")
public class SecondAnswer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "second_reading_id")
    public UUID secondReadingId;

    @Column(name = "question_id")
    public String questionId;

    public String answer;
    public int version;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
