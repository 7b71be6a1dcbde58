package uk.probation.inspection.cases.publication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The audit record of a reopening: who, when, why, from which state, and which scheduled version it cancelled. */
@Entity
@Table(name = "reopening")
public class Reopening extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "reopened_by")
    public String reopenedBy;

    @Column(name = "reopened_at")
    public Instant reopenedAt;

    public String reason;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "cancelled_version")
    public Integer cancelledVersion;

    public static List<Reopening> of(UUID inspectionId) {
        return Reopening.list("inspectionId = ?1 order by reopenedAt", inspectionId);
    }
}
