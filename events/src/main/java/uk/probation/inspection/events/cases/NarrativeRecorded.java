package uk.probation.inspection.events.cases;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/**
 * The report text the team wrote for one standard (judgement- or case-based) is new or changed, versioned like
 * answers: its strengths and areas for improvement (short paragraphs), optional cohort sections, and the prompt facts
 * the lead picked, whose figures the report fills in from the counts when it is rendered.
 */
@EventType("narrative.recorded")
public record NarrativeRecorded(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String standardId,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) List<String> strengths,
        @JsonProperty(required = true) List<String> areasForImprovement,
        @JsonProperty(required = true) List<CohortSection> cohortSections,
        @JsonProperty(required = true) List<PromptFact> promptFacts,
        @JsonProperty(required = true) String recordedBy)
        implements CaseEvent {

    /** A titled part of a standard's text about one cohort (Newham: "Resettlement" under 1.3). */
    public record CohortSection(@JsonProperty(required = true) String title,
            @JsonProperty(required = true) List<String> paragraphs) {
    }

    /**
     * A fact about one key question or prompt, e.g. {@code in only {yes} of the {relevant} inspected cases}; the
     * placeholders ({yes} {no} {notApplicable} {relevant} {percentage}) are filled from the counts of the whole
     * sample, or of one breakdown group when {@code cohort} is set.
     */
    public record PromptFact(@JsonProperty(required = true) String questionId, String cohort,
            @JsonProperty(required = true) String template) {
    }
}
