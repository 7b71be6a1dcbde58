package uk.probation.inspection.rating.consume;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.probation.inspection.platform.events.IncomingEvent;
import uk.probation.inspection.rating.projection.ApplyContext;
import uk.probation.inspection.rating.projection.EventApplier;
import uk.probation.inspection.rating.projection.ProjectionLock;
import uk.probation.inspection.rating.publish.SnapshotPublisher;

/**
 * Applies batches of case events (the events' effects together with their inbox records, in lanes by inspection),
 * then wakes the snapshot publisher. Live consumption and a rebuild never run at the same time.
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

    @Inject
    ProjectionLock projectionLock;

    private final ReentrantLock gate = new ReentrantLock(true);
    private Timer latency;

    @ConfigProperty(name = "rating.apply.lanes", defaultValue = "2")
    int laneCount;

    @ConfigProperty(name = "rating.apply.retry-for", defaultValue = "PT2M")
    Duration retryFor;

    private ExecutorService laneThreads;

    @PostConstruct
    void start() {
        laneCount = Math.max(1, laneCount);
        AtomicInteger n = new AtomicInteger();
        laneThreads = Executors.newFixedThreadPool(Math.max(1, laneCount - 1), r -> {
            Thread thread = new Thread(r, "rating-lane-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        latency = Timer.builder("rating.event.latency")
                .description("From an event's ce_time to the commit of its effect on the ratings")
                .publishPercentileHistogram().register(registry);
    }

    @PreDestroy
    void stop() {
        laneThreads.shutdownNow();
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
            for (EventApplier.Outcome outcome : applyRetrying(events)) {
                applied.addAll(outcome.applied());
            }
            applied.forEach(this::recordLatency);
            if (!applied.isEmpty()) {
                snapshots.wake();
            }
            LOG.debugf("Applied %d of %d events in %d ms", applied.size(), events.size(),
                    (System.nanoTime() - started) / 1_000_000);
            return applied.size();
        } finally {
            gate.unlock();
        }
    }

    /**
     * Database or broker trouble (PostgreSQL restarting, a connection cut) fails a batch; it is tried again, with
     * growing pauses, for up to {@code rating.apply.retry-for}, rather than failing the channel at the first error:
     * a failed channel stays down until the process restarts. Lanes that committed before the failure are recognised
     * by the inbox on the next try. Malformed events never get here: the applier skips them.
     * <p>
     * A rebuild running on any replica makes the batch wait (short pauses, so it applies soon after the rebuild
     * commits) within the same window: the whole time a batch may spend here is {@code rating.apply.retry-for},
     * which the consumer's {@code throttled.unprocessed-record-max-age.ms} must exceed (application.properties).
     */
    private List<EventApplier.Outcome> applyRetrying(List<IncomingEvent> events) {
        long deadline = System.nanoTime() + retryFor.toNanos();
        boolean waitingForRebuild = false;
        for (int attempt = 1;; attempt++) {
            try {
                List<EventApplier.Outcome> outcomes = applyInLanes(events);
                if (waitingForRebuild) {
                    LOG.infof("Rebuild over: batch of %d events applied after it", events.size());
                }
                return outcomes;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e; // the channel fails and health turns DOWN: an orchestrator restarts the process
                }
                long pause;
                if (RebuildRunning.isCause(e)) {
                    if (!waitingForRebuild) {
                        LOG.infof("Batch of %d events waits for a rebuild to commit", events.size());
                    }
                    waitingForRebuild = true;
                    attempt = 0; // database trouble after the rebuild starts its pauses afresh
                    pause = 200L;
                } else {
                    LOG.warnf("Batch of %d events failed (attempt %d), trying again: %s", events.size(), attempt,
                            e.toString());
                    pause = Math.min(5_000L, 250L * attempt);
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Splits the batch by inspection (the record key) into lanes applied side by side, each in its own transaction,
     * so PostgreSQL works on more than one at a time. An inspection's events stay in one lane, in order; lanes
     * touch disjoint inspections, so they cannot wait for each other's locks. If any lane fails, the batch fails
     * and is redelivered: the inbox recognises what the other lanes had committed.
     */
    private List<EventApplier.Outcome> applyInLanes(List<IncomingEvent> events) {
        List<List<IncomingEvent>> lanes = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new ArrayList<>());
        }
        for (IncomingEvent event : events) {
            String key = event.key() != null ? event.key() : String.valueOf(event.subject());
            lanes.get(Math.floorMod(key.hashCode(), laneCount)).add(event);
        }
        lanes.removeIf(List::isEmpty);
        List<CompletableFuture<EventApplier.Outcome>> others = new ArrayList<>();
        for (List<IncomingEvent> lane : lanes.subList(1, lanes.size())) {
            others.add(CompletableFuture.supplyAsync(() -> applyLane(lane), laneThreads));
        }
        List<EventApplier.Outcome> outcomes = new ArrayList<>();
        RuntimeException failure = null;
        try {
            outcomes.add(applyLane(lanes.get(0)));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<EventApplier.Outcome> other : others) {
            try {
                outcomes.add(other.join());
            } catch (CompletionException e) {
                failure = failure != null ? failure
                        : e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) {
            throw failure; // every lane has finished: none is left running into the redelivery
        }
        return outcomes;
    }

    /**
     * The projection lock comes first, before the inbox records anything: a lane that finds a rebuild running
     * rolls back having written nothing, and is tried again once the rebuild has committed — by then the inbox
     * holds exactly what the rebuild replayed, so its events are applied if the rebuild did not reach them and
     * skipped if it did.
     */
    private EventApplier.Outcome applyLane(List<IncomingEvent> lane) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!projectionLock.tryShared()) {
                throw new RebuildRunning();
            }
            return applier.apply(lane, true, new ApplyContext());
        });
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
