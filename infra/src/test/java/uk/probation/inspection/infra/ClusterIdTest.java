package uk.probation.inspection.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** kafka-storage format takes a cluster id starting with '-' for an option: one start in 64 used to fail. */
class ClusterIdTest {

    @Test
    void clusterIdsAreSixteenBytesAndNeverStartWithADash() {
        for (int i = 0; i < 20_000; i++) { // about 300 would start with '-' if drawn once
            String id = KafkaBroker.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length, id);
        }
    }
}
