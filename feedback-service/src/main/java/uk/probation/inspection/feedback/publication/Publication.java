package uk.probation.inspection.feedback.publication;

import java.time.Instant;

/** One publication version of an inspection; viewers may see it from {@code visibleFrom} (publishedAt) on. */
public record Publication(int version, Instant visibleFrom, boolean scheduled) {

    public boolean visibleAt(Instant now) {
        return !visibleFrom.isAfter(now);
    }
}
