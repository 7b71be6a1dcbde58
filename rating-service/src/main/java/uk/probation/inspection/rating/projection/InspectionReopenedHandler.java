package uk.probation.inspection.rating.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.InspectionReopened;
import uk.probation.inspection.platform.consume.Received;
import uk.probation.inspection.rating.publication.PublicationEvents;

/** Back to OPEN; a cancelled scheduled version is dropped ({@link PublicationEvents}). */
@ApplicationScoped
public class InspectionReopenedHandler implements CaseEventHandler<InspectionReopened> {

    @Inject
    PublicationEvents publications;

    @Override
    public Class<InspectionReopened> type() {
        return InspectionReopened.class;
    }

    @Override
    public void apply(List<Received<InspectionReopened>> run, boolean announce, ApplyContext context) {
        for (Received<InspectionReopened> received : run) {
            publications.reopened(received.event());
        }
    }
}
