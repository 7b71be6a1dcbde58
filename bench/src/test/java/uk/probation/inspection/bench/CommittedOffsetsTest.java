package uk.probation.inspection.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The fault suite's "committed past the duplicates" check. */
class CommittedOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("case-events", 0);
    private static final TopicPartition P2 = new TopicPartition("case-events", 2);

    @Test
    void aPartitionWithoutRecordsNeedsNoCommittedOffset() {
        // The 180 s wait: nothing ever lands on case-events-2, so the group never commits there.
        assertTrue(Kafka.atOrBeyond(Map.of(P0, 15146L), Map.of(P0, 15146L, P2, 0L)));
    }

    @Test
    void aPartitionBehindOrNeverCommittedWithRecordsIsNotPast() {
        assertFalse(Kafka.atOrBeyond(Map.of(P0, 13466L), Map.of(P0, 15146L)));
        assertFalse(Kafka.atOrBeyond(Map.of(), Map.of(P0, 1L)));
    }
}
