package uk.probation.inspection.platform.consume;

import uk.probation.inspection.platform.events.IncomingEvent;

/** An event decoded into its type, with the record it came in (id, time, partition and offset). */
public record Received<E>(IncomingEvent meta, E event) {
}
