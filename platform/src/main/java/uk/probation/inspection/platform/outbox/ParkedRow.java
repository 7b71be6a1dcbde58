package uk.probation.inspection.platform.outbox;

import java.time.OffsetDateTime;

/**
 * A parked outbox row as an operator sees it: what it is and why the broker refused it, never its payload (which
 * may hold case data an admin is not to read). {@code heldBehind}: later rows of the same key waiting for it.
 */
public record ParkedRow(long id, String eventId, String topic, String key, String type, OffsetDateTime occurredAt,
        OffsetDateTime parkedAt, String error, int parkCount, long payloadBytes, long heldBehind) {
}
