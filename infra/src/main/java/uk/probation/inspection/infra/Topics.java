package uk.probation.inspection.infra;

import java.util.List;
import java.util.Map;

/** The Kafka topics of contract.md, as created on a local or test broker. */
public final class Topics {

    public static final String CASE_EVENTS = "case-events";
    public static final String INSPECTION_RATINGS = "inspection-ratings";
    public static final String RATING_CHANGES = "rating-changes";
    public static final String PUBLISHED_RATINGS = "published-ratings";
    public static final String FEEDBACK_EVENTS = "feedback-events";
    /** Dead letters of each consumer of case-events (platform DeadLetters: {@code <topic>.dlq.<consumer>}). */
    public static final String RATING_DEAD_LETTERS = "case-events.dlq.rating-service";
    public static final String FEEDBACK_DEAD_LETTERS = "case-events.dlq.feedback-service";
    /** Dead letters of rating-service's feedback-events consumer (the report's User Voice figures). */
    public static final String RATING_FEEDBACK_DEAD_LETTERS = "feedback-events.dlq.rating-service";

    /** One topic and its settings. */
    public record Topic(String name, int partitions, Map<String, String> config) {
    }

    /**
     * case-events is kept for ever: rating-service's rebuild replays it from the beginning.
     * inspection-ratings and published-ratings are compacted: the latest snapshot per inspection is what readers want.
     */
    public static final List<Topic> ALL = List.of(
            new Topic(CASE_EVENTS, 3, Map.of("retention.ms", "-1")),
            new Topic(INSPECTION_RATINGS, 3, Map.of("cleanup.policy", "compact")),
            new Topic(RATING_CHANGES, 3, Map.of()),
            new Topic(PUBLISHED_RATINGS, 3, Map.of("cleanup.policy", "compact")),
            new Topic(FEEDBACK_EVENTS, 3, Map.of()),
            new Topic(RATING_DEAD_LETTERS, 1, Map.of("retention.ms", "-1")),
            new Topic(FEEDBACK_DEAD_LETTERS, 1, Map.of("retention.ms", "-1")),
            new Topic(RATING_FEEDBACK_DEAD_LETTERS, 1, Map.of("retention.ms", "-1")));

    private Topics() {
    }
}
