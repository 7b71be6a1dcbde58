package uk.probation.inspection.rating.consume;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import uk.probation.inspection.platform.consume.ConsumerHealth;
import uk.probation.inspection.platform.consume.DeadLetter;
import uk.probation.inspection.platform.events.IncomingEvent;

/**
 * The live consumer of {@code case-events} (group {@code rating-service}). Offsets are committed by the
 * connector after this method returns, i.e. after the batch's effects are committed; a redelivery after a
 * crash is recognised by the inbox.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    public static final String CHANNEL = "case-events";
    private static final Logger LOG = Logger.getLogger(CaseEventsConsumer.class);

    @Inject
    EventProcessor processor;

    @Inject
    ConsumerHealth consumers;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<IncomingEvent> events = new ArrayList<>(records.count());
        List<DeadLetter> undecodable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(IncomingEvent.of(record));
            } catch (RuntimeException e) {
                undecodable.add(new DeadLetter(record.topic(), IncomingEvent.raw(record), DeadLetter.UNDECODABLE,
                        e.getMessage()));
            }
        }
        try {
            processor.process(events, undecodable);
        } catch (RuntimeException e) {
            consumers.gaveUp("case-events", e); // the channel fails with this: ask for a restart
            throw e;
        }
    }
}
