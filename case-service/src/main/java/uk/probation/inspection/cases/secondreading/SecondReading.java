package uk.probation.inspection.cases.secondreading;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A case given to a reader for a blind second reading; the reader is bound to a token's sub on first use. */
@Entity
@Table(name = "second_reading")
public class SecondReading extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "case_id")
    public UUID caseId;

    public String reader;

    @Column(name = "reader_subject")
    public String readerSubject;

    @Column(name = "assigned_by")
    public String assignedBy;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** How many cases of the inspection {@code reader} is given to read. */
    public static long countOf(UUID inspectionId, String reader) {
        return count("inspectionId = ?1 and reader = ?2", inspectionId, reader);
    }
}
