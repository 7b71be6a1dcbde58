package uk.probation.inspection.cases.publication;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One publication version of an inspection: what viewers see from {@code visibleFrom} on, unless cancelled. */
@Entity
@Table(name = "publication")
@IdClass(Publication.Key.class)
public class Publication extends PanacheEntityBase {

    public record Key(UUID inspectionId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Id
    public int version;

    @Column(name = "visible_from")
    public Instant visibleFrom;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    /** The latest version viewers may see at {@code now}: not cancelled, its time come. */
    public static Optional<Publication> visible(UUID inspectionId, Instant now) {
        return Publication.<Publication>find("inspectionId = ?1 and cancelledAt is null and visibleFrom <= ?2"
                + " order by version desc", inspectionId, now).firstResultOptional();
    }

    public static List<Publication> of(UUID inspectionId) {
        return Publication.list("inspectionId = ?1 order by version", inspectionId);
    }
}
