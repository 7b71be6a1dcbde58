package uk.probation.inspection.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import uk.probation.inspection.platform.work.Wakeup;

/**
 * Publishes outbox rows to Kafka in id order and marks them published.
 *
 * <p>Why this is safe: writers lock the inspection they change, so within one inspection outbox ids follow
 * commit order; one relay at a time holds a PostgreSQL advisory lock, so even with several replicas no two
 * relays interleave; the idempotent producer keeps order per partition; rows are marked published only after
 * Kafka acknowledged them, so a crash in between resends them with the same {@code ce_id}, which consumers
 * de-duplicate.
 *
 * <p>A row the broker refuses for good ({@link SendFailures}) is parked rather than retried for ever, and the
 * later rows of its key are held behind it until an operator retries or discards it ({@link OutboxParking}):
 * one bad event stops one inspection's stream, in order, never the whole relay.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x0b0c_5e1a_7e1aL;
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "pip.outbox.batch-size", defaultValue = "500")
    int batchSize;

    /** The wait before trying again while another replica's relay holds the lock (its batch may miss our rows). */
    @ConfigProperty(name = "pip.outbox.poll-interval", defaultValue = "PT0.05S")
    Duration pollInterval;

    /**
     * The longest wait while there is nothing to send: this process's commits wake the relay at once, so the poll
     * only finds rows no relay was woken for (another replica's, whose relay stopped); an idle service then costs one
     * look a second rather than twenty (docs/benchmarks.md, issue 18).
     */
    @ConfigProperty(name = "pip.outbox.idle-interval", defaultValue = "PT1S")
    Duration idleInterval;

    /** Backlog, oldest age and parked counts (metrics) are refreshed at most this often, not on every batch. */
    @ConfigProperty(name = "pip.outbox.stats-interval", defaultValue = "PT1S")
    Duration statsInterval;

    @ConfigProperty(name = "pip.outbox.keep-published", defaultValue = "PT1H")
    Duration keepPublished;

    @ConfigProperty(name = "pip.outbox.enabled", defaultValue = "true")
    boolean enabled;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong parkedRows = new AtomicLong();
    private final AtomicLong heldRows = new AtomicLong();
    private final AtomicLong parkedSinceStart = new AtomicLong();
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running;
    private volatile String lastError;
    private long lastStats = System.nanoTime() - Long.MAX_VALUE / 2;
    private Thread thread;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    /** Called after a transaction that appended to the outbox committed. */
    public void wake() {
        wakeup.wake();
    }

    private void loop() {
        long lastPurge = 0;
        while (running) {
            try {
                int sent = relayOnce();
                lastError = null;
                if (System.currentTimeMillis() - lastPurge > 60_000) {
                    purgePublished();
                    lastPurge = System.currentTimeMillis();
                }
                if (sent == LOCK_BUSY) {
                    // Another replica is sending: look again soon, our rows may have committed after its select.
                    wakeup.await(pollInterval);
                } else if (sent < batchSize) {
                    // Woken by this process's commits at once; the interval bounds the wait for rows nobody woke us for.
                    wakeup.await(idleInterval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // Kafka or PostgreSQL unavailable: keep the rows, retry after a pause, never skip one.
                if (lastError == null) {
                    LOG.warnf("Outbox relay paused: %s", e.toString());
                }
                lastError = e.toString();
                closeProducer();
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** What {@link #relayOnce()} returns when another replica's relay holds the lock. */
    static final int LOCK_BUSY = -1;

    /** Sends one batch; returns how many rows were published, or {@link #LOCK_BUSY}. */
    int relayOnce() throws Exception {
        Batch batch;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                batch = relayBatch(connection);
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
        if (batch.lockBusy) {
            return LOCK_BUSY;
        }
        published.addAndGet(batch.delivered);
        for (Refused row : batch.refused) {
            parkedSinceStart.incrementAndGet();
            LOG.errorf("Outbox row %d (%s, key %s, topic %s) parked: the broker refuses it for good (%s). Consumers"
                    + " will not see it, and later events of key %s wait behind it, until an operator retries or"
                    + " discards it (GET /admin/outbox/parked)", row.id(), row.type(), row.key(), row.topic(),
                    row.error(), row.key());
        }
        if (batch.transientFailure != null) {
            throw batch.transientFailure; // as before: the delivered rows stay unpublished and are sent again
        }
        return batch.delivered;
    }

    /** What one batch did: rows delivered, rows refused for good (parked), and a failure that may pass. */
    private static final class Batch {
        boolean lockBusy;
        int delivered;
        final List<Refused> refused = new ArrayList<>();
        Exception transientFailure;
    }

    /** A row the broker refused permanently, as logged once it is parked. */
    record Refused(long id, String topic, String key, String type, String error) {
    }

    private record Sent(long id, String topic, String key, String type, Future<RecordMetadata> ack) {
    }

    private Batch relayBatch(Connection connection) throws Exception {
        Batch batch = new Batch();
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    batch.lockBusy = true;
                    return batch; // Another replica's relay is active.
                }
            }
        }
        long now = System.nanoTime();
        if (now - lastStats >= statsInterval.toNanos()) {
            refreshStats(connection);
            lastStats = now;
        }
        List<Sent> sent = new ArrayList<>();
        Set<String> topicsReady = new HashSet<>();
        // Keys whose row was refused in this batch: their later rows wait behind it, as they will in later batches.
        Set<String> refusedKeys = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, event_id, topic, message_key, type, source, subject, occurred_at, payload, traceparent"
                        + " from outbox_event o where published_at is null and parked_at is null"
                        + " and not " + OutboxParking.HELD + " order by id limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    String topic = rows.getString("topic");
                    String key = rows.getString("message_key");
                    String type = rows.getString("type");
                    if (refusedKeys.contains(topic + "\n" + key)) {
                        continue;
                    }
                    ProducerRecord<String, String> record = toRecord(rows);
                    if (topicsReady.add(topic)) {
                        // Throws while the broker is unreachable, before anything of this batch is sent.
                        producer().partitionsFor(topic);
                    }
                    Throwable refusal = null;
                    Future<RecordMetadata> ack = null;
                    try {
                        ack = producer().send(record);
                        if (ack.isDone()) {
                            // A send that failed at once (no metadata, closed producer, over max.request.size)
                            // must stop the batch here, or be parked: rows after it would overtake it.
                            ack.get();
                        }
                    } catch (ExecutionException | SerializationException e) {
                        if (!SendFailures.isPermanent(e)) {
                            throw e;
                        }
                        refusal = e;
                    }
                    if (refusal != null) {
                        refusedKeys.add(topic + "\n" + key);
                        batch.refused.add(new Refused(id, topic, key, type, SendFailures.describe(refusal)));
                    } else {
                        sent.add(new Sent(id, topic, key, type, ack));
                    }
                }
            }
        }
        if (sent.isEmpty() && batch.refused.isEmpty()) {
            return batch;
        }
        producer().flush();
        List<Long> delivered = new ArrayList<>();
        for (Sent row : sent) {
            try {
                row.ack().get(30, TimeUnit.SECONDS);
                delivered.add(row.id());
                warnIfOvertook(row, batch.refused);
            } catch (ExecutionException e) {
                if (SendFailures.isPermanent(e)) {
                    batch.refused.add(new Refused(row.id(), row.topic(), row.key(), row.type(), SendFailures.describe(e)));
                } else {
                    batch.transientFailure = e;
                }
            } catch (java.util.concurrent.TimeoutException e) {
                batch.transientFailure = e;
            }
        }
        for (Refused row : batch.refused) {
            OutboxParking.park(connection, row.id(), row.error());
        }
        if (batch.transientFailure == null) {
            try (PreparedStatement mark = connection.prepareStatement(
                    "update outbox_event set published_at = clock_timestamp() where id = any(?)")) {
                Array array = connection.createArrayOf("bigint", delivered.toArray());
                mark.setArray(1, array);
                mark.executeUpdate();
            }
            batch.delivered = delivered.size();
        }
        return batch;
    }

    /**
     * A refusal the broker reports (rather than the producer, at once) arrives after the rows behind it were sent:
     * those of the same key are then on the topic ahead of it. Said, because it breaks that key's order.
     */
    private static void warnIfOvertook(Sent row, List<Refused> refused) {
        for (Refused earlier : refused) {
            if (earlier.id() < row.id() && earlier.topic().equals(row.topic()) && earlier.key().equals(row.key())) {
                LOG.warnf("Outbox row %d (%s, key %s) was delivered ahead of row %d of the same key, which the broker"
                        + " refused", row.id(), row.type(), row.key(), earlier.id());
                return;
            }
        }
    }

    private static ProducerRecord<String, String> toRecord(ResultSet row) throws SQLException {
        String subject = row.getString("subject");
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"),
                row.getString("message_key"), row.getString("payload"));
        OffsetDateTime time = row.getObject("occurred_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row.getString("event_id"));
        header(record, "ce_type", row.getString("type"));
        header(record, "ce_source", row.getString("source"));
        header(record, "ce_time", RFC3339.format(time));
        if (subject != null) {
            header(record, "ce_subject", subject);
        }
        header(record, "content-type", "application/json");
        String traceparent = row.getString("traceparent");
        if (traceparent != null) {
            header(record, "traceparent", traceparent); // CloudEvents distributed tracing extension, Kafka binding
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Backlog and oldest age count only rows the relay can send: parked rows and the rows held behind them are
     * counted apart, so that one refused event raises the parked alert, not the backlog ones as well.
     */
    private void refreshStats(Connection connection) throws SQLException {
        long parkedNow;
        try (PreparedStatement count = connection.prepareStatement(
                "select count(*) from outbox_event where " + OutboxParking.PARKED);
                ResultSet rows = count.executeQuery()) {
            rows.next();
            parkedNow = rows.getLong(1);
        }
        // The held test costs a probe per unpublished row: only made when something is parked.
        String held = parkedNow == 0 ? "false" : OutboxParking.HELD;
        try (PreparedStatement stats = connection.prepareStatement(
                "select count(*) filter (where not held), coalesce(extract(epoch from clock_timestamp()"
                        + " - min(occurred_at) filter (where not held)) * 1000, 0), count(*) filter (where held)"
                        + " from (select o.occurred_at, " + held + " as held from outbox_event o"
                        + " where o.published_at is null and o.parked_at is null) unpublished");
                ResultSet rows = stats.executeQuery()) {
            rows.next();
            backlog.set(rows.getLong(1));
            oldestAgeMillis.set(rows.getLong(2));
            heldRows.set(rows.getLong(3));
        }
        parkedRows.set(parkedNow);
    }

    private void purgePublished() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement purge = connection.prepareStatement(
                        "delete from outbox_event where published_at < clock_timestamp() - ?::interval")) {
            purge.setString(1, keepPublished.toSeconds() + " seconds");
            purge.executeUpdate();
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafkaConfig);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException ignored) {
                // Closing a producer whose broker is gone can fail; it is discarded either way.
            }
            producer = null;
        }
    }

    /** Unpublished rows, as of the relay's last look. */
    public long backlog() {
        return backlog.get();
    }

    /** Age of the oldest unpublished row, in seconds, as of the relay's last look. */
    public double oldestAgeSeconds() {
        return oldestAgeMillis.get() / 1000.0;
    }

    public long publishedSinceStart() {
        return published.get();
    }

    /** Parked rows, as of the relay's last look. */
    public long parked() {
        return parkedRows.get();
    }

    /** Unpublished rows waiting behind a parked row of their key, as of the relay's last look. */
    public long held() {
        return heldRows.get();
    }

    /** Rows this process parked since it started. */
    public long parkedSinceStart() {
        return parkedSinceStart.get();
    }

    /** Why the relay is paused, or null when it is working. */
    public String lastError() {
        return lastError;
    }
}
