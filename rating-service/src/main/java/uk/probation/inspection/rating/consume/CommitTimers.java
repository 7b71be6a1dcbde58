package uk.probation.inspection.rating.consume;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with commit-strategy timers that contradict the apply retry window: SmallRye's throttled strategy
 * closes the consumer when a received record waits longer than {@code throttled.unprocessed-record-max-age.ms} for
 * its ack (measured: a batch blocked 15 s under a 5 s age closed it, and nothing after was consumed), so with a
 * shorter age a batch still inside its retry window (PostgreSQL restarting, a rebuild running) stops consumption for
 * good. Twice the window: a batch may be handed on (its clock started) while the one before it is still in its
 * window.
 */
@ApplicationScoped
public class CommitTimers {

    @ConfigProperty(name = "rating.apply.retry-for", defaultValue = "PT2M")
    Duration retryFor;

    @ConfigProperty(name = "mp.messaging.incoming.case-events.throttled.unprocessed-record-max-age.ms",
            defaultValue = "60000")
    long unprocessedRecordMaxAgeMs;

    void check(@Observes StartupEvent event) {
        if (unprocessedRecordMaxAgeMs > 0 && unprocessedRecordMaxAgeMs <= 2 * retryFor.toMillis()) {
            throw new IllegalStateException("mp.messaging.incoming.case-events.throttled.unprocessed-record-max-age.ms ("
                    + unprocessedRecordMaxAgeMs + ") must exceed twice rating.apply.retry-for (" + retryFor
                    + "), or a batch being retried closes the consumer");
        }
    }
}
