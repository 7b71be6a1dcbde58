package uk.probation.inspection.platform.consume;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Tries work again while it fails transiently ({@link TransientFailures}), with pauses growing to 5 s, for up to a
 * window; a permanent failure, or a transient one outlasting the window, is thrown. A consumer's channel then fails
 * and its health turns DOWN, so an orchestrator restarts the process (the inbox makes the redelivery harmless).
 */
public final class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);

    private Retrying() {
    }

    public static <T> T call(String what, Duration window, Supplier<T> work) {
        long deadline = System.nanoTime() + window.toNanos();
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("%s failed (attempt %d), trying again: %s", what, attempt, e.toString());
                try {
                    Thread.sleep(Math.min(5_000L, 250L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
