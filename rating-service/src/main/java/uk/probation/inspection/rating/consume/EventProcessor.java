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
import uk.probation.inspection.events.Topics;
import uk.probation.inspection.platform.consume.DeadLetter;
import uk.probation.inspection.platform.consume.DeadLetters;
import uk.probation.inspection.platform.consume.Retrying;
import uk.probation.inspection.platform.consume.TransientFailures;
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
    DeadLetters deadLetters;

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

    /**
     * @param undecodable records of the batch that are not even CloudEvents: they go to the dead-letter topic too
     * @return how many events were applied for the first time
     */
    public int process(List<IncomingEvent> events, List<DeadLetter> undecodable) {
        if (events.isEmpty() && undecodable.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        gate.lock();
        try {
            List<IncomingEvent> applied = new ArrayList<>();
            List<DeadLetter> dead = new ArrayList<>(undecodable);
            for (EventApplier.Outcome outcome : applyRetrying(events)) {
                applied.addAll(outcome.applied());
                dead.addAll(outcome.deadLetters());
            }
            deadLettersRetrying(dead); // before this returns, so before the batch's offsets may be committed
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
     * Database or broker trouble (PostgreSQL restarting, a connection cut: {@link TransientFailures}) fails a batch;
     * it is tried again, with growing pauses, for up to {@code rating.apply.retry-for}, rather than failing the
     * channel at the first error: a failed channel stays down until the process restarts. Lanes that committed before
     * the failure are recognised by the inbox on the next try. Any other failure would recur for ever: the batch is
     * applied one event at a time and whatever still fails goes to the dead-letter topic, so one bad event cannot
     * stop the consumer group. Events the applier refuses never throw: they come back as dead letters.
     * <p>
     * A rebuild running on any replica makes the batch wait (short pauses, so it applies soon after the rebuild
     * commits) within the same window: the whole time a batch may spend here is {@code rating.apply.retry-for},
     * which the consumer's {@code throttled.unprocessed-record-max-age.ms} must exceed (application.properties).
     */
    private List<EventApplier.Outcome> applyRetrying(List<IncomingEvent> events) {
        long deadline = System.nanoTime() + retryFor.toNanos();
        return Retrying.call("Batch of " + events.size() + " events", retryFor, () -> {
            boolean waitingForRebuild = false;
            while (true) {
                try {
                    List<EventApplier.Outcome> outcomes = applyInLanes(events);
                    if (waitingForRebuild) {
                        LOG.infof("Rebuild over: batch of %d events applied after it", events.size());
                    }
                    return outcomes;
                } catch (RuntimeException e) {
                    if (RebuildRunning.isCause(e)) {
                        if (System.nanoTime() > deadline) {
                            throw e; // the channel fails and health turns DOWN: an orchestrator restarts the process
                        }
                        if (!waitingForRebuild) {
                            LOG.infof("Batch of %d events waits for a rebuild to commit", events.size());
                        }
                        waitingForRebuild = true;
                        pause(200L, e);
                        continue;
                    }
                    if (TransientFailures.isTransient(e)) {
                        throw e;
                    }
                    LOG.errorf("Batch of %d events failed for good (%s): applying them one by one", events.size(),
                            e.toString());
                    return isolate(events);
                }
            }
        });
    }

    private static void pause(long millis, RuntimeException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private List<EventApplier.Outcome> isolate(List<IncomingEvent> events) {
        List<EventApplier.Outcome> outcomes = new ArrayList<>();
        for (IncomingEvent event : events) {
            try {
                outcomes.add(applyLane(List.of(event)));
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e) || RebuildRunning.isCause(e)) {
                    throw e; // the whole batch is tried again; the inbox knows what committed
                }
                outcomes.add(new EventApplier.Outcome(List.of(), 0, List.of(new DeadLetter(
                        Topics.CASE_EVENTS.name(), event, DeadLetter.REFUSED, e.toString()))));
            }
        }
        return outcomes;
    }

    private void deadLettersRetrying(List<DeadLetter> dead) {
        Retrying.call(dead.size() + " dead letters", retryFor, () -> {
            deadLetters.send(dead);
            return null;
        });
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
