package uk.probation.inspection.feedback.publication;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

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
    public static Published published(JsonNode data, Instant eventTime, Instant appliedAt) {
        String by = text(data, "publishedBy");
        if (absent(data, "publicationVersion") && absent(data, "publishedAt") && absent(data, "scheduled")) {
            Instant at = eventTime != null ? eventTime : appliedAt;
            return new Published(1, by, at, false);
        }
        int version = integer(data, "publicationVersion", 1);
        Instant visibleFrom = instant(data, "publishedAt");
        JsonNode scheduled = data.get("scheduled");
        if (scheduled != null && !scheduled.isNull() && !scheduled.isBoolean()) {
            throw new IllegalArgumentException("scheduled is not a boolean: " + scheduled);
        }
        return new Published(version, by, visibleFrom, scheduled != null && scheduled.asBoolean());
    }

    public static Reopened reopened(JsonNode data) {
        int kept = integer(data, "publicationVersion", 0);
        Integer cancelled = absent(data, "cancelledVersion") ? null : integer(data, "cancelledVersion", 1);
        if (cancelled != null && cancelled <= kept) {
            throw new IllegalArgumentException("cancelledVersion " + cancelled + " is not above the kept publicationVersion "
                    + kept);
        }
        return new Reopened(kept, cancelled);
    }

    /** {@code framework.rules.smallNumberThreshold} of inspection.opened; null when the framework sets none. */
    public static Integer smallNumberThreshold(JsonNode opened) {
        JsonNode rules = opened.path("framework").path("rules");
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

    private static Instant instant(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("no " + field + " (an RFC 3339 instant)");
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an RFC 3339 instant: " + node.asText());
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
