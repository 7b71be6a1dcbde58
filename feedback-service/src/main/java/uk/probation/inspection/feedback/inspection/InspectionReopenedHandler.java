package uk.probation.inspection.feedback.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.InspectionReopened;
import uk.probation.inspection.feedback.publication.PublicationEvents;
import uk.probation.inspection.feedback.publication.Publications;
import uk.probation.inspection.platform.consume.Received;

/** Survey files are taken again; a cancelled scheduled version is dropped. */
@ApplicationScoped
public class InspectionReopenedHandler implements FeedbackEventHandler<InspectionReopened> {

    @Inject
    KnownInspections inspections;

    @Inject
    Publications publications;

    @Override
    public Class<InspectionReopened> type() {
        return InspectionReopened.class;
    }

    @Override
    public void apply(Received<InspectionReopened> received) {
        String id = received.event().inspectionId().toString();
        PublicationEvents.Reopened reopened = PublicationEvents.reopened(received.event());
        inspections.frozen(id, false);
        publications.reopened(id, reopened);
    }
}
