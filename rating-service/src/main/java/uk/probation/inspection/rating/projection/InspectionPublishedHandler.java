package uk.probation.inspection.rating.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.InspectionPublished;
import uk.probation.inspection.platform.consume.Received;
import uk.probation.inspection.rating.publication.PublicationEvents;

/** Freezes the inspection's figures as the published version ({@link PublicationEvents}). */
@ApplicationScoped
public class InspectionPublishedHandler implements CaseEventHandler<InspectionPublished> {

    @Inject
    PublicationEvents publications;

    @Override
    public Class<InspectionPublished> type() {
        return InspectionPublished.class;
    }

    @Override
    public void check(Received<InspectionPublished> received) {
        Integer version = received.event().publicationVersion();
        if (version != null && version < 1) {
            throw new BadEventException("publicationVersion " + version + " is not a version");
        }
    }

    @Override
    public void apply(List<Received<InspectionPublished>> run, boolean announce, ApplyContext context) {
        for (Received<InspectionPublished> received : run) {
            publications.published(received.event(), received.meta().time(), context);
        }
    }
}
