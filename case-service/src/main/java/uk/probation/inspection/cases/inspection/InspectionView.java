package uk.probation.inspection.cases.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import uk.probation.inspection.cases.publication.Publication;

/**
 * An inspection's metadata, as every reader may see it (never case data). {@code publicationVersion},
 * {@code publishedAt} and {@code publishedBy} describe the publication viewers see now (null before the first);
 * viewers are shown {@code PUBLISHED} whatever the team is doing, since a reopening changes nothing for them until
 * the next publication; the team also sees the real status and, while SCHEDULED, {@code scheduledFor}.
 */
public record InspectionView(UUID id, String name, String region, String pdu, String frameworkId,
        LocalDate fieldworkStart, LocalDate sampleFrom, LocalDate sampleTo, String status, String openedBy,
        Instant openedAt, Integer publicationVersion, String publishedBy, Instant publishedAt, Instant scheduledFor) {

    public static InspectionView of(Inspection i, Optional<Publication> visible, boolean team) {
        Instant now = Instant.now();
        Inspection.Status status = team ? i.status(now) : Inspection.Status.PUBLISHED;
        Instant scheduledFor = team && status == Inspection.Status.SCHEDULED ? i.publishedAt : null;
        return new InspectionView(i.id, i.name, i.region, i.pdu, i.frameworkId, i.fieldworkStart, i.sampleFrom,
                i.sampleTo, status.name(), i.openedBy, i.openedAt, visible.map(p -> p.version).orElse(null),
                visible.map(p -> p.publishedBy).orElse(null), visible.map(p -> p.visibleFrom).orElse(null),
                scheduledFor);
    }
}
