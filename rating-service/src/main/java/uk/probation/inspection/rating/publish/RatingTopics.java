package uk.probation.inspection.rating.publish;

/** Topics and event types rating-service writes (contract.md, docs/events.md). */
public final class RatingTopics {

    public static final String INSPECTION_RATINGS = "inspection-ratings";
    public static final String RATING_CHANGES = "rating-changes";
    public static final String SNAPSHOT_TYPE = "rating.snapshot";
    public static final String CHANGED_TYPE = "rating.changed";
    /** The only topic outside dashboards may read: one record per publication version, nothing unpublished. */
    public static final String PUBLISHED_RATINGS = "published-ratings";
    public static final String PUBLISHED_TYPE = "rating.published";

    private RatingTopics() {
    }
}
