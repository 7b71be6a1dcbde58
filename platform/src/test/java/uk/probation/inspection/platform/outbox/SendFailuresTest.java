package uk.probation.inspection.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/** Only the record's own faults park it; whatever would refuse every row alike keeps the relay retrying. */
class SendFailuresTest {

    @Test
    void theRecordsOwnFaultsArePermanent() {
        for (Exception e : List.of(new RecordTooLargeException("too large"), new InvalidRecordException("invalid"),
                new SerializationException("cannot serialise"))) {
            assertTrue(SendFailures.isPermanent(e), e.toString());
            assertTrue(SendFailures.isPermanent(new ExecutionException(e)), "as an acknowledgement's failure: " + e);
        }
    }

    @Test
    void outagesTimeoutsAndTheClustersOrProducersFaultsAreNot() {
        for (Exception e : List.of(new TimeoutException("expiring"), new NetworkException("gone"),
                new NotEnoughReplicasException("isr"), new UnknownTopicOrPartitionException("no topic"),
                new TopicAuthorizationException("acl"), new ClusterAuthorizationException("acl"),
                new SaslAuthenticationException("password"), new OutOfOrderSequenceException("sequence"),
                new UnknownServerException("broker bug"), new KafkaException("producer closed"),
                new java.util.concurrent.TimeoutException())) {
            assertFalse(SendFailures.isPermanent(e), e.toString());
            assertFalse(SendFailures.isPermanent(new ExecutionException(e)), "as an acknowledgement's failure: " + e);
        }
    }
}
