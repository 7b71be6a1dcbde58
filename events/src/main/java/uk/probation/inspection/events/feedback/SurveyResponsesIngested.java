package uk.probation.inspection.events.feedback;

import uk.probation.inspection.events.EventType;

/** A survey file was accepted: counts only, never comments or any other answer. */
@EventType("survey.responses.ingested")
public record SurveyResponsesIngested(String inspectionId, String templateId, int accepted, int replaced,
        int respondents) implements FeedbackEvent {
}
