package uk.probation.inspection.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The fault-injection suite on the packaged services (run with {@code mvn -B -pl bench verify -Pfaults}): nothing
 * acknowledged is lost, nothing is counted twice, and every fault is recovered from without a manual step.
 */
class FaultInjectionIT {

    @Test
    void nothingAcknowledgedIsLostAndNothingIsCountedTwice() throws Exception {
        FaultSuite.Report report = FaultSuite.run(Path.of("target", "faults-run").toAbsolutePath());
        System.out.println(report.summary());

        assertTrue(report.putsAcked() > 1000, "the load ran: " + report.putsAcked() + " answers acknowledged");
        assertTrue(report.batchesAcked() > 10, "batches ran: " + report.batchesAcked());
        assertEquals(6, report.faults().size());
        assertEquals(0, report.unrecovered(), "faults after which no new answer reached rating-service in time");
        assertEquals(0, report.verdict().lost(), "acknowledged answers missing from case-service");
        assertEquals(0, report.verdict().lostBatchRows(), "rows of acknowledged batches missing from case-service");
        assertEquals(0, report.verdict().partialBatches(), "unacknowledged batches applied in part");
        assertEquals(0, report.verdict().phantom(), "answers in case-service that no request carried");
        assertEquals(0, report.ratings().missing(), "answers case-service holds that rating-service does not count");
        assertEquals(0, report.ratings().extra(), "answers rating-service counts more often than case-service holds them");
    }
}
