package uk.probation.inspection.events.cases;

import java.util.UUID;

/**
 * Everything case-service announces on {@code case-events} (key: the inspection id). One record per event type;
 * JSON Schemas in docs/events/case-events/. {@code @JsonProperty(required = true)} marks what the schema requires.
 */
public sealed interface CaseEvent permits InspectionOpened, InspectionPublished, InspectionReopened, TeamMemberAdded,
        TeamMemberBound, TeamMemberRemoved, CaseRegistered, AnswerRecorded, JudgementRecorded, SecondReadingAssigned,
        SecondAnswerRecorded, SecondReadingResolved, SecondReadingAgreementSummarised, NarrativeRecorded,
        RecommendationsRecorded, BackgroundRecorded {

    UUID inspectionId();
}
