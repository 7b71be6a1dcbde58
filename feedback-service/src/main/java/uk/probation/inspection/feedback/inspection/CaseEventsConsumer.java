package uk.probation.inspection.feedback.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import uk.probation.inspection.platform.events.IncomingEvent;

/**
 * Learns inspections, teams and publication from case-events (consumer group feedback-service); never calls
 * case-service. Other event types are skipped without a trace; an event it needs but cannot use is skipped with
 * a warning and counted in {@code feedback_case_events_skipped_total}, so that operators can see it.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventsConsumer.class);
    /** About two minutes of tries (pauses growing to 5 s): a PostgreSQL restart must not fail the channel for good. */
    private static final int ATTEMPTS = 30;

    @Inject
    CaseEventApplier applier;

    @Inject
    MeterRegistry registry;

    @Incoming("case-events")
    @Blocking // ordered: one batch at a time, its records in partition order
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        // Batches: nearly every case event is an answer, skipped here; per-record delivery cost a third of a core
        // at 150 answers/s. Offsets are committed after the whole batch returns.
        for (ConsumerRecord<String, String> record : records) {
            consume(record);
        }
    }

    void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (RuntimeException e) {
            LOG.warnf("Skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e);
            skipped("unknown", "unreadable");
            return;
        }
        if (!CaseEventApplier.handles(event.type())) {
            return;
        }
        for (int attempt = 1;; attempt++) {
            try {
                applier.apply(event);
                return;
            } catch (IllegalArgumentException e) {
                // A malformed event will never apply; skipping it beats blocking every later one.
                LOG.warnf("Skipping malformed %s event %s: %s", event.type(), event.id(), e.getMessage());
                skipped(event.type(), "malformed");
                return;
            } catch (RuntimeException e) {
                // The database may be away for a while; after about two minutes fail the channel (health turns DOWN).
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("Retrying %s event %s after: %s", event.type(), event.id(), e.toString());
                Thread.sleep(Math.min(5_000L, 500L * attempt));
            }
        }
    }

    private void skipped(String type, String reason) {
        registry.counter("feedback.case_events.skipped", "type", type, "reason", reason).increment();
    }
}
