package uk.probation.inspection.events;

import java.util.List;

import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.events.feedback.FeedbackEvent;
import uk.probation.inspection.events.ratings.PublishedRatingsEvent;
import uk.probation.inspection.events.ratings.RatingChangesEvent;
import uk.probation.inspection.events.ratings.RatingSnapshotsEvent;

/** Every topic of the contract (docs/contract.md, docs/events.md, docs/events/asyncapi.json). */
public final class Topics {

    public static final Topic<CaseEvent> CASE_EVENTS = new Topic<>("case-events", CaseEvent.class);
    public static final Topic<RatingSnapshotsEvent> INSPECTION_RATINGS =
            new Topic<>("inspection-ratings", RatingSnapshotsEvent.class);
    public static final Topic<RatingChangesEvent> RATING_CHANGES = new Topic<>("rating-changes", RatingChangesEvent.class);
    public static final Topic<PublishedRatingsEvent> PUBLISHED_RATINGS =
            new Topic<>("published-ratings", PublishedRatingsEvent.class);
    public static final Topic<FeedbackEvent> FEEDBACK_EVENTS = new Topic<>("feedback-events", FeedbackEvent.class);

    public static final List<Topic<?>> ALL = List.of(CASE_EVENTS, INSPECTION_RATINGS, RATING_CHANGES, PUBLISHED_RATINGS,
            FEEDBACK_EVENTS);

    private Topics() {
    }
}
