package uk.probation.inspection.platform.work;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WakeupTest {

    @Test
    void wakesRecordedBeforeTheWaitEndItAndCountAsOne() throws InterruptedException {
        Wakeup wakeup = new Wakeup();
        wakeup.wake();
        wakeup.wake();
        wakeup.wake();
        assertTrue(wakeup.await(Duration.ofSeconds(5)));
        assertFalse(wakeup.await(Duration.ofMillis(20)), "three wakes before one wait end one wait only");
    }

    @Test
    void aWakeFromAnotherThreadEndsAWaitInProgress() throws InterruptedException {
        Wakeup wakeup = new Wakeup();
        Thread waker = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            wakeup.wake();
        });
        waker.start();
        assertTrue(wakeup.await(Duration.ofSeconds(30)));
        waker.join();
    }

    @Test
    void withoutAWakeTheWaitTimesOut() throws InterruptedException {
        assertFalse(new Wakeup().await(Duration.ofMillis(20)));
    }
}
