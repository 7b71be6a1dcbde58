package uk.probation.inspection.rating.consume;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import uk.probation.inspection.rating.projection.BadEventException;
import uk.probation.inspection.rating.projection.EventApplier;

/**
 * Applies batches of case events: the whole batch in one transaction (each event's effect together with its
 * inbox record), falling back to one transaction per event when the batch fails, so one malformed event is
 * skipped without losing its neighbours. Live consumption and a rebuild never run at the same time.
 */
@ApplicationScoped
public class EventProcessor {

    private static final Logger LOG = Logger.getLogger(EventProcessor.class);

    @Inject
    EventApplier applier;

    @Inject
    MeterRegistry registry;

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
            List<IncomingEvent> applied = new ArrayList<>();
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    applied.clear();
                    ApplyContext context = new ApplyContext();
                    for (IncomingEvent event : events) {
                        if (applier.apply(event, true, context)) {
                            applied.add(event);
                        }
                    }
                });
            } catch (RuntimeException batchFailure) {
                applied.clear();
                LOG.debugf("Batch of %d failed (%s); applying one by one", events.size(), batchFailure.toString());
                for (IncomingEvent event : events) {
                    if (applyAlone(event)) {
                        applied.add(event);
                    }
                }
            }
            applied.forEach(this::recordLatency);
            LOG.debugf("Applied %d of %d events in %d ms", applied.size(), events.size(),
                    (System.nanoTime() - started) / 1_000_000);
            return applied.size();
        } finally {
            gate.unlock();
        }
    }

    private boolean applyAlone(IncomingEvent event) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> applier.apply(event, true));
        } catch (RuntimeException e) {
            if (!(rootBadEvent(e))) {
                throw e; // database or broker trouble: fail, and the event is redelivered after a restart
            }
            LOG.errorf("Skipping malformed %s event %s at %s-%d@%d: %s", event.type(), event.id(), "case-events",
                    event.partition(), event.offset(), e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> applier.skip(event));
            return false;
        }
    }

    private static boolean rootBadEvent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadEventException) {
                return true;
            }
        }
        return false;
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
