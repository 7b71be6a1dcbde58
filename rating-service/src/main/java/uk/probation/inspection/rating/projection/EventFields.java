package uk.probation.inspection.rating.projection;

import uk.probation.inspection.rating.rules.Rating;

/** Values inside typed events that the projection refuses when they are not what it knows ({@link BadEventException}). */
public final class EventFields {

    private EventFields() {
    }

    public static Rating rating(String value) {
        try {
            return Rating.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BadEventException("unknown rating '" + value + "'", e);
        }
    }
}
