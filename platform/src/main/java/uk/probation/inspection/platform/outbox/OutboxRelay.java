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

    @ConfigProperty(name = "pip.outbox.poll-interval", defaultValue = "PT0.05S")
    Duration pollInterval;

    @ConfigProperty(name = "pip.outbox.keep-published", defaultValue = "PT1H")
    Duration keepPublished;

    @ConfigProperty(name = "pip.outbox.enabled", defaultValue = "true")
    boolean enabled;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running;
    private volatile String lastError;
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
                if (sent < batchSize) {
                    // Woken by this process's commits at once; the interval bounds the wait for other replicas'.
                    wakeup.await(pollInterval);
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

    /** Sends one batch; returns how many rows were published. */
    int relayOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = relayBatch(connection);
                connection.commit();
                published.addAndGet(sent);
                return sent;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int relayBatch(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return 0; // Another replica's relay is active.
                }
            }
        }
        refreshBacklog(connection);
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        Set<String> topicsReady = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, event_id, topic, message_key, type, source, subject, occurred_at, payload"
                        + " from outbox_event where published_at is null order by id limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ProducerRecord<String, String> record = toRecord(rows);
                    if (topicsReady.add(record.topic())) {
                        // Throws while the broker is unreachable, before anything of this batch is sent.
                        producer().partitionsFor(record.topic());
                    }
                    Future<RecordMetadata> ack = producer().send(record);
                    if (ack.isDone()) {
                        // A send that failed at once (no metadata, closed producer) must stop the batch here:
                        // sending the rows after it would put them on the topic ahead of it.
                        ack.get();
                    }
                    ids.add(rows.getLong("id"));
                    acks.add(ack);
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer().flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS); // Throws if any send failed: the whole batch stays unpublished.
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "update outbox_event set published_at = clock_timestamp() where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            mark.setArray(1, array);
            mark.executeUpdate();
        }
        return ids.size();
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
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private void refreshBacklog(Connection connection) throws SQLException {
        try (PreparedStatement stats = connection.prepareStatement(
                "select count(*), coalesce(extract(epoch from clock_timestamp() - min(occurred_at)) * 1000, 0)"
                        + " from outbox_event where published_at is null");
                ResultSet rows = stats.executeQuery()) {
            rows.next();
            backlog.set(rows.getLong(1));
            oldestAgeMillis.set(rows.getLong(2));
        }
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

    /** Why the relay is paused, or null when it is working. */
    public String lastError() {
        return lastError;
    }
}
