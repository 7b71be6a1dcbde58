package uk.probation.inspection.rating.publication;

import static uk.probation.inspection.rating.projection.EventFields.optionalText;
import static uk.probation.inspection.rating.projection.EventFields.uuid;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import uk.probation.inspection.rating.projection.ApplyContext;
import uk.probation.inspection.rating.projection.BadEventException;
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
    public void published(JsonNode data, OffsetDateTime eventTime, ApplyContext context) {
        UUID id = uuid(data, "inspectionId");
        int version = data.has("publicationVersion") ? positive(data, "publicationVersion") : 1;
        OffsetDateTime visibleFrom = data.has("publishedAt") ? time(data, "publishedAt")
                : eventTime != null ? eventTime : OffsetDateTime.now();
        boolean scheduled = data.path("scheduled").asBoolean(false);
        store.flush(context); // the snapshot is read from the tables: they must hold every earlier event's effect
        int known = jdbc.update("update inspection set status = ?, scheduled_for = ?, snapshot_dirty = true where id = ?",
                scheduled ? "SCHEDULED" : "PUBLISHED", scheduled ? visibleFrom : null, id);
        if (known == 0) {
            LOG.warnf("inspection.published for unknown inspection %s ignored", id);
            return;
        }
        publications.record(id, version, visibleFrom, optionalText(data, "publishedBy"));
    }

    /** Back to OPEN; a cancelled scheduled version is dropped before anyone outside the team saw it. */
    public void reopened(JsonNode data) {
        UUID id = uuid(data, "inspectionId");
        JsonNode cancelled = data.path("cancelledVersion");
        if (!cancelled.isMissingNode() && !cancelled.isNull()) {
            publications.cancel(id, positive(data, "cancelledVersion"));
        }
        jdbc.update("update inspection set status = 'OPEN', scheduled_for = null, snapshot_dirty = true where id = ?", id);
    }

    private static int positive(JsonNode data, String field) {
        JsonNode node = data.path(field);
        if (!node.isInt() || node.asInt() < 1) {
            throw new BadEventException(field + " must be a whole number of at least 1");
        }
        return node.asInt();
    }

    private static OffsetDateTime time(JsonNode data, String field) {
        try {
            return OffsetDateTime.parse(data.path(field).asText());
        } catch (DateTimeParseException e) {
            throw new BadEventException(field + " is not an RFC 3339 time", e);
        }
    }
}
