package uk.probation.inspection.rating.dashboard;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells the live streams that a snapshot (with a new change sequence) has been committed. Only a wake-up: the
 * streams read what changed from the database, so a lost or doubled signal costs nothing but latency.
 */
@ApplicationScoped
public class RatingChangeSignal {

    private final Semaphore pending = new Semaphore(0);

    /** Called after a snapshot's transaction committed. */
    public void committed() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits for a commit signal or the timeout; clears pending signals. */
    public void await(Duration timeout) throws InterruptedException {
        if (pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            pending.drainPermits();
        }
    }
}
