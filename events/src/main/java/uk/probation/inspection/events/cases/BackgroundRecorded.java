package uk.probation.inspection.events.cases;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/**
 * The background facts the team entered (interviews and meetings held, free-text paragraphs); versioned like answers.
 * The fieldwork week and sample window travel with inspection.opened; the cases inspected are counted, not entered.
 */
@EventType("background.recorded")
public record BackgroundRecorded(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) int version,
        Integer interviewsHeld,
        Integer meetingsHeld,
        @JsonProperty(required = true) List<String> paragraphs,
        @JsonProperty(required = true) String recordedBy)
        implements CaseEvent {
}
