package uk.probation.inspection.cases.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One inspection of a PDU, with a copy of the framework it was opened with. */
@Entity
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {

    /** See docs/publication.md: OPEN -> SCHEDULED -> PUBLISHED, and back to OPEN by a reopening. */
    public enum Status {
        OPEN, SCHEDULED, PUBLISHED
    }

    @Id
    public UUID id;

    public String name;
    public String region;
    public String pdu;

    @Column(name = "framework_id")
    public String frameworkId;

    /* Lazy: about 20 KB that every write would otherwise read under its row lock, while InspectionAccess parses
       it once per inspection and keeps the result (entities are bytecode-enhanced, so lazy attributes work). */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "framework_json")
    public String frameworkJson;

    @Column(name = "fieldwork_start")
    public LocalDate fieldworkStart;

    @Column(name = "sample_from")
    public LocalDate sampleFrom;

    @Column(name = "sample_to")
    public LocalDate sampleTo;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "published_by")
    public String publishedBy;

    /** When the latest version becomes (or became) visible to viewers; in the future while SCHEDULED. */
    @Column(name = "published_at")
    public Instant publishedAt;

    /** The latest publication version issued; 0 until the first publication. */
    @Column(name = "publication_version")
    public int publicationVersion;

    /** True once any of its cases has a second reading (never reset: a stale true only costs a query). */
    @Column(name = "second_read")
    public boolean secondRead;

    /** A SCHEDULED inspection whose embargo has lifted is PUBLISHED: nobody has to act at that moment. */
    public Status status(Instant now) {
        return status == Status.SCHEDULED && !publishedAt.isAfter(now) ? Status.PUBLISHED : status;
    }

    /** Nothing of a SCHEDULED or PUBLISHED inspection may change until it is reopened. */
    public boolean frozen() {
        return status != Status.OPEN;
    }
}
