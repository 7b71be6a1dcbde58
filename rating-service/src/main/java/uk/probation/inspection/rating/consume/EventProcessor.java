package uk.probation.inspection.rating.consume;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.probation.inspection.platform.events.IncomingEvent;
import uk.probation.inspection.rating.projection.ApplyContext;
import uk.probation.inspection.rating.projection.EventApplier;
import uk.probation.inspection.rating.publish.SnapshotPublisher;

/**
 * Applies batches of case events: the whole batch in one transaction (the events' effects together with their
 * inbox records), then wakes the snapshot publisher. Live consumption and a rebuild never run at the same time.
 */
@ApplicationScoped
public class EventProcessor {

    private static final Logger LOG = Logger.getLogger(EventProcessor.class);

    @Inject
    EventApplier applier;

    @Inject
    MeterRegistry registry;

    @Inject
    SnapshotPublisher snapshots;

    private final ReentrantLock gate = new ReentrantLock(true);
    private Timer latency;

    @PostConstruct
    void metrics() {
        latency = Timer.builder("rating.event.latency")
                .description("From an event's ce_time to the commit of its effect on the ratings")
                .publishPercentileHistogram().register(registry);
    }

    /** @return how many events were applied for the first time */
    public int process(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        gate.lock();
        try {
            // Database or broker trouble fails the batch as a whole; it is redelivered, and the inbox recognises
            // whatever had been applied. Malformed events do not fail it: the applier skips them.
            EventApplier.Outcome outcome = QuarkusTransaction.requiringNew()
                    .call(() -> applier.apply(events, true, new ApplyContext()));
            outcome.applied().forEach(this::recordLatency);
            if (!outcome.applied().isEmpty()) {
                snapshots.wake();
            }
            LOG.debugf("Applied %d of %d events in %d ms", outcome.applied().size(), events.size(),
                    (System.nanoTime() - started) / 1_000_000);
            return outcome.applied().size();
        } finally {
            gate.unlock();
        }
    }

    private void recordLatency(IncomingEvent event) {
        if (event.time() != null) {
            Duration age = Duration.between(event.time(), OffsetDateTime.now());
            latency.record(Math.max(0, age.toNanos()), TimeUnit.NANOSECONDS);
        }
    }

    /** Runs {@code work} while no live batch is being applied. */
    public <T> T exclusively(Callable<T> work) throws Exception {
        gate.lock();
        try {
            return work.call();
        } finally {
            gate.unlock();
        }
    }
}
