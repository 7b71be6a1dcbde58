package uk.probation.inspection.feedback.publication;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import uk.probation.inspection.events.cases.InspectionPublished;
import uk.probation.inspection.events.cases.InspectionReopened;

/**
 * Reads the publication fields of case-events. Anything present but unusable is an
 * {@link IllegalArgumentException}: the consumer skips such an event loudly rather than guess a version or a time.
 */
public final class PublicationEvents {

    /** inspection.published: version {@code version} becomes visible to viewers at {@code visibleFrom}. */
    public record Published(int version, String publishedBy, Instant visibleFrom, boolean scheduled) {
    }

    /** inspection.reopened: versions above {@code keptVersion} (0: none is kept) must never be visible. */
    public record Reopened(int keptVersion, Integer cancelledVersion) {
    }

    private PublicationEvents() {
    }

    /**
     * Events written before versions existed carry none of publicationVersion, publishedAt, scheduled: version 1,
     * visible from {@code eventTime} (ce_time), or from {@code appliedAt} when even that is missing. An event with
     * any of the three needs a version and a time.
     */
    public static Published published(InspectionPublished event, Instant eventTime, Instant appliedAt) {
        if (event.publicationVersion() == null && event.publishedAt() == null && event.scheduled() == null) {
            return new Published(1, event.publishedBy(), eventTime != null ? eventTime : appliedAt, false);
        }
        if (event.publicationVersion() == null || event.publicationVersion() < 1) {
            throw new IllegalArgumentException("publicationVersion is not a whole number of at least 1: "
                    + event.publicationVersion());
        }
        if (event.publishedAt() == null) {
            throw new IllegalArgumentException("no publishedAt (an RFC 3339 instant)");
        }
        return new Published(event.publicationVersion(), event.publishedBy(), event.publishedAt().toInstant(),
                Boolean.TRUE.equals(event.scheduled()));
    }

    public static Reopened reopened(InspectionReopened event) {
        int kept = event.publicationVersion();
        if (kept < 0) {
            throw new IllegalArgumentException("publicationVersion is not a whole number of at least 0: " + kept);
        }
        Integer cancelled = event.cancelledVersion();
        if (cancelled != null && cancelled <= kept) {
            throw new IllegalArgumentException("cancelledVersion " + cancelled + " is not above the kept publicationVersion "
                    + kept);
        }
        return new Reopened(kept, cancelled);
    }

    /** {@code rules.smallNumberThreshold} of an inspection.opened framework; null when the framework sets none. */
    public static Integer smallNumberThreshold(JsonNode framework) {
        JsonNode rules = framework.path("rules");
        return absent(rules, "smallNumberThreshold") ? null : integer(rules, "smallNumberThreshold", 1);
    }

    private static boolean absent(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull();
    }

    private static int integer(JsonNode data, String field, int min) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("no " + field);
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min) {
            throw new IllegalArgumentException(field + " is not a whole number of at least " + min + ": " + node);
        }
        return node.intValue();
    }
}
