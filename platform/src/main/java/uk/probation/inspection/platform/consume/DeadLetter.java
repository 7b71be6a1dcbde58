package uk.probation.inspection.platform.consume;

import uk.probation.inspection.platform.events.IncomingEvent;

/**
 * An event this consumer can never apply, with why: {@code reason} is {@link #UNDECODABLE} (not a CloudEvent, not
 * JSON, not its type's shape) or {@link #REFUSED} (decoded, but its handler refuses it for good).
 */
public record DeadLetter(String topic, IncomingEvent event, String reason, String error) {

    public static final String UNDECODABLE = "undecodable";
    public static final String REFUSED = "refused";
}
