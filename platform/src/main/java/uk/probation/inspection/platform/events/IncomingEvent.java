package uk.probation.inspection.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from Kafka in binary mode: attributes from the {@code ce_*} headers, data as JSON text, and the
 * W3C {@code traceparent} of the work that emitted it (null when it came without one).
 */
public record IncomingEvent(UUID id, String type, String source, OffsetDateTime time, String subject,
        String key, String data, int partition, long offset, String traceparent) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new IllegalArgumentException("not a CloudEvent (no ce_id/ce_type) at "
                    + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        String time = header(record, "ce_time");
        return new IncomingEvent(UUID.fromString(id), type, header(record, "ce_source"),
                time == null ? null : OffsetDateTime.parse(time), header(record, "ce_subject"),
                record.key(), record.value(), record.partition(), record.offset(), header(record, "traceparent"));
    }

    /** A record as it came, whatever its headers say (for a dead letter of something that is not a CloudEvent). */
    public static IncomingEvent raw(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        UUID uuid = null;
        try {
            uuid = id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            // kept out: the dead letter carries the record as it was, its ce_id header included
        }
        return new IncomingEvent(uuid, header(record, "ce_type"), header(record, "ce_source"), null,
                header(record, "ce_subject"), record.key(), record.value(), record.partition(), record.offset(),
                header(record, "traceparent"));
    }

    /** This event with its trace continued: the span of its processing here (same trace id), or none without one. */
    public IncomingEvent continuingTrace() {
        String child = uk.probation.inspection.platform.trace.TraceParent.parse(traceparent)
                .map(t -> t.child().header()).orElse(null);
        return new IncomingEvent(id, type, source, time, subject, key, data, partition, offset, child);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
