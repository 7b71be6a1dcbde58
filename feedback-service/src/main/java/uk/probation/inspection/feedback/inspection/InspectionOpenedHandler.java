package uk.probation.inspection.feedback.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.InspectionOpened;
import uk.probation.inspection.feedback.publication.PublicationEvents;
import uk.probation.inspection.platform.consume.Received;

/** A new inspection: its region (for viewers' scope) and its framework's small-number threshold. */
@ApplicationScoped
public class InspectionOpenedHandler implements FeedbackEventHandler<InspectionOpened> {

    @Inject
    KnownInspections inspections;

    @Override
    public Class<InspectionOpened> type() {
        return InspectionOpened.class;
    }

    @Override
    public void apply(Received<InspectionOpened> received) {
        InspectionOpened e = received.event();
        inspections.opened(e.inspectionId().toString(), e.name(), e.region(), e.pdu(),
                PublicationEvents.smallNumberThreshold(e.framework()));
    }
}
