package uk.probation.inspection.platform.outbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * A parked outbox row as an operator sees it: what it is and why the broker refused it, never its payload (which
 * may hold case data an admin is not to read). {@code heldBehind}: later rows of the same key waiting for it.
 */
@Schema(name = "ParkedOutboxRow", description = "A parked outbox row: what and why, never the payload")
public record ParkedRow(long id, String eventId, String topic, String key, String type, OffsetDateTime occurredAt,
        OffsetDateTime parkedAt, String error, int parkCount, long payloadBytes, long heldBehind) {
}
