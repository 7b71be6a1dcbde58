package uk.probation.inspection.events.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/**
 * Publication version {@code publicationVersion} becomes what viewers see at {@code publishedAt} (now, or a future
 * embargo time when {@code scheduled}). Events written before publication versions existed carry neither: they are
 * version 1, visible from their {@code ce_time}.
 */
@EventType("inspection.published")
public record InspectionPublished(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String publishedBy,
        Integer publicationVersion,
        OffsetDateTime publishedAt,
        Boolean scheduled)
        implements CaseEvent {
}
