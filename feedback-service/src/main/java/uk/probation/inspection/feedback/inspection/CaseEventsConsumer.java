package uk.probation.inspection.feedback.inspection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import uk.probation.inspection.events.EventCodec;
import uk.probation.inspection.events.Topics;
import uk.probation.inspection.events.UndecodableEventException;
import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.platform.consume.ConsumerHealth;
import uk.probation.inspection.platform.consume.DeadLetter;
import uk.probation.inspection.platform.consume.DeadLetters;
import uk.probation.inspection.platform.consume.Received;
import uk.probation.inspection.platform.consume.Retrying;
import uk.probation.inspection.platform.consume.TransientFailures;
import uk.probation.inspection.platform.events.IncomingEvent;
import uk.probation.inspection.platform.trace.Traces;

/**
 * Learns inspections, teams and publication from case-events (consumer group feedback-service); never calls
 * case-service. The types it ignores are skipped before decoding; one it needs but can never apply (undecodable,
 * refused) goes to the dead-letter topic ({@link DeadLetters}) instead of blocking every later one, and a
 * transient failure (the database away) is tried again for {@code feedback.apply.retry-for}.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    @Inject
    CaseEventApplier applier;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ConsumerHealth consumers;

    @ConfigProperty(name = "feedback.apply.retry-for", defaultValue = "PT2M")
    Duration retryFor;

    @Incoming("case-events")
    @Blocking // ordered: one batch at a time, its records in partition order
    public void consume(ConsumerRecords<String, String> records) {
        // Offsets are committed after the whole batch returns: every record is applied or dead-lettered by then.
        List<DeadLetter> dead = new ArrayList<>();
        List<IncomingEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (ignoredByType(record)) {
                continue; // nearly all of the traffic (answers, cases, judgements): not even its headers are parsed
            }
            try {
                events.add(IncomingEvent.of(record));
            } catch (RuntimeException e) {
                dead.add(new DeadLetter(record.topic(), IncomingEvent.raw(record), DeadLetter.UNDECODABLE, e.getMessage()));
            }
        }
        try {
            process(events, dead);
        } catch (RuntimeException e) {
            consumers.gaveUp(Topics.CASE_EVENTS.name(), e); // the channel fails with this: ask for a restart
            throw e;
        }
    }

    /** True when the record's {@code ce_type} header names a type this service ignores (read as bytes, nothing else). */
    private boolean ignoredByType(ConsumerRecord<String, String> record) {
        org.apache.kafka.common.header.Header type = record.headers().lastHeader("ce_type");
        return type != null && applier.ignores(new String(type.value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Applies events in order (a live batch, or a replay of dead letters); @return how many were applied anew */
    public int process(List<IncomingEvent> events, List<DeadLetter> dead) {
        int applied = 0;
        for (IncomingEvent event : events) {
            // Its processing (log lines, and any event it emits) continues the trace of the work that emitted it.
            try (Traces.Scope trace = Traces.continuing(event.traceparent())) {
                applied += apply(event, dead) ? 1 : 0;
            }
        }
        Retrying.call(dead.size() + " dead letters", retryFor, () -> {
            deadLetters.send(dead);
            return null;
        });
        return applied;
    }

    private boolean apply(IncomingEvent event, List<DeadLetter> dead) {
        String topic = Topics.CASE_EVENTS.name();
        if (applier.ignores(event.type())) {
            return false;
        }
        Received<CaseEvent> received;
        try {
            received = new Received<>(event, EventCodec.decode(Topics.CASE_EVENTS, event.type(), event.data()));
        } catch (UndecodableEventException e) {
            dead.add(new DeadLetter(topic, event, DeadLetter.UNDECODABLE, e.getMessage()));
            return false;
        }
        try {
            return Retrying.call(event.type() + " " + event.id(), retryFor, () -> applier.apply(received));
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e; // outlasted the retry window: the channel fails, health turns DOWN
            }
            // Rolled back, inbox row included: a replay may apply it once the cause is mended.
            dead.add(new DeadLetter(topic, event, DeadLetter.REFUSED, e.toString()));
            return false;
        }
    }
}
