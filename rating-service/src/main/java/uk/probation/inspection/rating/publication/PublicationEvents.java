package uk.probation.inspection.rating.publication;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import uk.probation.inspection.events.cases.InspectionPublished;
import uk.probation.inspection.events.cases.InspectionReopened;
import uk.probation.inspection.platform.trace.Traces;
import uk.probation.inspection.rating.projection.ApplyContext;
import uk.probation.inspection.rating.projection.Jdbc;
import uk.probation.inspection.rating.projection.ProjectionStore;

/** Applies {@code inspection.published} and {@code inspection.reopened} (docs/events.md) in the caller's transaction. */
@ApplicationScoped
public class PublicationEvents {

    private static final Logger LOG = Logger.getLogger(PublicationEvents.class);

    @Inject
    Jdbc jdbc;

    @Inject
    ProjectionStore store;

    @Inject
    Publications publications;

    /**
     * Freezes the inspection's figures as the published version. Events from before publication versions existed
     * carry neither version nor time: they are version 1, visible from the event's time.
     */
    public void published(InspectionPublished event, OffsetDateTime eventTime, ApplyContext context) {
        UUID id = event.inspectionId();
        int version = event.publicationVersion() != null ? event.publicationVersion() : 1;
        OffsetDateTime visibleFrom = event.publishedAt() != null ? event.publishedAt()
                : eventTime != null ? eventTime : OffsetDateTime.now();
        boolean scheduled = Boolean.TRUE.equals(event.scheduled());
        store.flush(context); // the snapshot is read from the tables: they must hold every earlier event's effect
        int known = jdbc.update("update inspection set status = ?, scheduled_for = ?, snapshot_dirty = true, snapshot_trace = ? where id = ?",
                scheduled ? "SCHEDULED" : "PUBLISHED", scheduled ? visibleFrom : null, Traces.current(), id);
        if (known == 0) {
            LOG.warnf("inspection.published for unknown inspection %s ignored", id);
            return;
        }
        publications.record(id, version, visibleFrom, event.publishedBy());
    }

    /** Back to OPEN; a cancelled scheduled version is dropped before anyone outside the team saw it. */
    public void reopened(InspectionReopened event) {
        UUID id = event.inspectionId();
        if (event.cancelledVersion() != null) {
            publications.cancel(id, event.cancelledVersion());
        }
        jdbc.update("update inspection set status = 'OPEN', scheduled_for = null, snapshot_dirty = true, snapshot_trace = ?"
                + " where id = ?", Traces.current(), id);
    }
}
