package uk.probation.inspection.cases.narrative;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of a part of the report text, as it was recorded. */
@Entity
@Table(name = "report_text_version")
public class ReportTextVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "report_text_id")
    public UUID reportTextId;

    public int version;
    public String body;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
