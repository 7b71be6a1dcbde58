package uk.probation.inspection.platform.outbox;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a send failure that is the record's own fault, and will recur however often it is sent, from one that
 * passes (broker down, timeouts, leader changes).
 *
 * <p>An allow-list rather than "every non-retriable exception": authorization, authentication, unsupported
 * versions, producer-state (sequence, epoch) and unknown server errors are non-retriable too, but they are the
 * producer's or the cluster's fault and would refuse every row alike; parking on them would set aside the
 * whole outbox. Those keep pausing the relay until they are fixed.
 */
final class SendFailures {

    private SendFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        Throwable e = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        return e instanceof RecordTooLargeException
                || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException
                || e instanceof InvalidTimestampException
                || e instanceof InvalidTopicException
                || e instanceof SerializationException;
    }

    /** What is stored and shown for a refused row: the exception, without its stack, bounded. */
    static String describe(Throwable failure) {
        Throwable e = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        String text = e.toString();
        return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
    }
}
