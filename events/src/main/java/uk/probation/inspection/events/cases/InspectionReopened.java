package uk.probation.inspection.events.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/**
 * Back to OPEN. Viewers keep {@code publicationVersion} (0: none); {@code cancelledVersion}, a scheduled version that
 * had not become visible, never will (null if none).
 */
@EventType("inspection.reopened")
public record InspectionReopened(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String reopenedBy,
        @JsonProperty(required = true) String reason,
        @JsonProperty(required = true) int publicationVersion,
        @JsonProperty(required = true) Integer cancelledVersion)
        implements CaseEvent {
}
