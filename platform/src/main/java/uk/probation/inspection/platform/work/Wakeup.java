package uk.probation.inspection.platform.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a background loop sleep until there is work or a timeout passes: any number of {@link #wake()} calls while
 * it works or sleeps end its next wait at once, and count as one.
 */
public final class Wakeup {

    private final Semaphore signal = new Semaphore(0);

    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** @return true when woken, false when the timeout passed */
    public boolean await(Duration timeout) throws InterruptedException {
        boolean woken = signal.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        signal.drainPermits();
        return woken;
    }
}
