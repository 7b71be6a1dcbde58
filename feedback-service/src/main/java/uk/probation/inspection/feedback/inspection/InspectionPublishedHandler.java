package uk.probation.inspection.feedback.inspection;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.InspectionPublished;
import uk.probation.inspection.feedback.publication.PublicationEvents;
import uk.probation.inspection.feedback.publication.Publications;
import uk.probation.inspection.feedback.summary.FeedbackAnnouncer;
import uk.probation.inspection.platform.consume.Received;

/** Freezes the inspection (no more survey files) and keeps what viewers will see of this version. */
@ApplicationScoped
public class InspectionPublishedHandler implements FeedbackEventHandler<InspectionPublished> {

    @Inject
    KnownInspections inspections;

    @Inject
    Publications publications;

    @Inject
    FeedbackAnnouncer announcer;

    @Override
    public Class<InspectionPublished> type() {
        return InspectionPublished.class;
    }

    @Override
    public void apply(Received<InspectionPublished> received) {
        String id = received.event().inspectionId().toString();
        PublicationEvents.Published published = PublicationEvents.published(received.event(),
                received.meta().time() == null ? null : received.meta().time().toInstant(), Instant.now());
        inspections.frozen(id, true); // first: the row lock orders this against ingests
        publications.published(id, published);
        // The figures viewers of this version get, for the report rating-service renders.
        inspections.find(id).ifPresent(inspection -> announcer.published(inspection, published.version()));
    }
}
