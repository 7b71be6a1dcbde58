package uk.probation.inspection.events.feedback;

/** {@code feedback-events}: what feedback-service announces. */
public sealed interface FeedbackEvent permits SurveyResponsesIngested, FeedbackSummarised {
}
