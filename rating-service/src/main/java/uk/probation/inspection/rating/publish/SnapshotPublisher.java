package uk.probation.inspection.rating.publish;

import uk.probation.inspection.events.Topics;
import uk.probation.inspection.events.ratings.RatingSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import uk.probation.inspection.platform.outbox.OutboxWriter;
import uk.probation.inspection.platform.trace.Traces;
import uk.probation.inspection.platform.work.Wakeup;
import uk.probation.inspection.rating.dashboard.RatingChangeSignal;
import uk.probation.inspection.rating.projection.Jdbc;
import uk.probation.inspection.rating.projection.ProjectionLock;
import uk.probation.inspection.rating.projection.RatingsQuery;
import uk.probation.inspection.rating.publication.PublicationAnnouncer;

/**
 * Coalesced {@code rating.snapshot}s: effects only mark an inspection as owing a snapshot; each round writes one
 * snapshot per marked inspection to the outbox and clears the mark. A round starts as soon as a batch of effects
 * commits (or after {@code rating.snapshot.interval}, for marks left by other replicas), so a quiet system
 * publishes at once; rounds are at least {@code rating.snapshot.min-gap} apart, so a burst of answers yields a few
 * snapshots, the last of which is the latest state.
 */
@ApplicationScoped
public class SnapshotPublisher {

    private static final Logger LOG = Logger.getLogger(SnapshotPublisher.class);

    @Inject
    Jdbc jdbc;

    @Inject
    RatingsQuery query;

    @Inject
    OutboxWriter outbox;

    @Inject
    RatingChangeSignal changes;

    @Inject
    PublicationAnnouncer announcer;

    @Inject
    ProjectionLock projectionLock;

    @ConfigProperty(name = "rating.snapshot.interval", defaultValue = "PT1S")
    Duration interval;

    @ConfigProperty(name = "rating.snapshot.min-gap", defaultValue = "PT0.05S")
    Duration minGap;

    @ConfigProperty(name = "rating.snapshot.enabled", defaultValue = "true")
    boolean enabled;

    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "rating-snapshots");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Called after a batch of effects committed: its snapshots are written now rather than at the next round. */
    public void wake() {
        wakeup.wake();
    }

    private void loop() {
        while (running) {
            try {
                wakeup.await(interval);
                publishOwed();
                announcer.announceDue(); // publications whose time has come, embargoed ones included
                // Under load, batches that commit in the next moments share one round: one snapshot per inspection
                // instead of one per batch (each costs a few statements and a record on inspection-ratings).
                Thread.sleep(minGap.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return how many snapshots were written */
    public int publishOwed() {
        int written = 0;
        try {
            List<UUID> owed = jdbc.list("select id from inspection where snapshot_dirty order by id limit 200",
                    row -> row.getObject(1, UUID.class));
            for (UUID id : owed) {
                if (QuarkusTransaction.requiringNew().call(() -> publish(id))) {
                    written++;
                    changes.committed(); // wakes the live streams, after the commit
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Snapshots postponed: %s", e.toString()); // retried next round; the marks are still there
        }
        return written;
    }

    private boolean publish(UUID id) {
        // While a rebuild (on any replica) runs, the marks wait: its commit marks every inspection afresh.
        if (!projectionLock.tryShared()) {
            return false;
        }
        // Lock the row (outbox order rule); skip it while an effect or a rebuild holds it: it stays marked.
        var locked = jdbc.one("select snapshot_trace from inspection where id = ? and snapshot_dirty for update skip locked",
                row -> java.util.Optional.ofNullable(row.getString(1)), id);
        if (locked.isEmpty()) {
            return false;
        }
        // The snapshot continues the trace of the first change it covers (ProjectionStore keeps it with the mark).
        try (Traces.Scope trace = Traces.resume(locked.get().orElse(null))) {
            var header = query.header(id).orElseThrow();
            outbox.append(Topics.INSPECTION_RATINGS, id.toString(), RatingSnapshot.of(query.ratings(header)));
            LOG.infof("rating.snapshot of inspection %s written", id);
        }
        // Change sequence for the live stream: taken under a transaction-wide lock, so sequence order is commit
        // order across replicas and a stream resuming after id N misses nothing committed later.
        jdbc.one("select pg_advisory_xact_lock(hashtext('rating_change_seq'))", row -> true);
        jdbc.update("update inspection set snapshot_dirty = false, snapshot_trace = null, change_seq = nextval('rating_change_seq')"
                + " where id = ?",
                id);
        return true;
    }
}
