package uk.probation.inspection.rating.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import uk.probation.inspection.platform.events.IncomingEvent;
import uk.probation.inspection.rating.projection.ApplyContext;
import uk.probation.inspection.rating.projection.EventApplier;
import uk.probation.inspection.rating.projection.FrameworkCache;
import uk.probation.inspection.rating.projection.Jdbc;
import uk.probation.inspection.rating.projection.ProjectionLock;

/**
 * Drops the projection and replays {@code case-events} from the beginning through the same code path as the
 * live consumer, in one transaction: readers keep seeing the old state until the new one is complete, and a
 * failed rebuild leaves the old state in place.
 * <p>
 * Safe with replicas: the transaction first takes the projection lock exclusively ({@link ProjectionLock}), which
 * waits for every replica's apply in flight to commit and keeps every later one out until the rebuild commits.
 * Only then are the end offsets taken, so every event any replica had applied (and whose inbox row the rebuild
 * deletes) lies below them and is replayed; a batch that waited for the lock applies after the commit, and the
 * inbox then skips exactly the events the replay reached.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final List<String> PROJECTION_TABLES = List.of("key_question_history", "question_count", "answer", "case_file",
            "standard_rating", "judgement", "report_text", "team_member", "inspection", "processed_event");

    /** What a rebuild read and applied. */
    public record Report(long eventsRead, long eventsApplied, long duplicatesSkipped, long malformedSkipped,
            long inspections, Map<String, Long> endOffsets, long millis) {
    }

    @Inject
    EventProcessor processor;

    @Inject
    EventApplier applier;

    @Inject
    FrameworkCache frameworks;

    @Inject
    Jdbc jdbc;

    @Inject
    ProjectionLock projectionLock;

    @Inject
    KafkaClientService clients;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "mp.messaging.incoming.case-events.topic", defaultValue = "case-events")
    String topic;

    @ConfigProperty(name = "rating.rebuild.timeout", defaultValue = "PT1H")
    Duration timeout;

    public Report rebuild() throws Exception {
        long started = System.currentTimeMillis();
        io.smallrye.reactive.messaging.kafka.KafkaConsumer<Object, Object> live = liveConsumer();
        pause(live, true);
        try {
            return processor.exclusively(() -> QuarkusTransaction.requiringNew()
                    .timeout((int) timeout.toSeconds()).call(() -> replay(started)));
        } finally {
            pause(live, false);
            // Whatever the outcome, parsed frameworks are reloaded from the committed rows.
            frameworks.clear();
        }
    }

    private Report replay(long started) {
        projectionLock.exclusive(); // before anything is deleted and before the end offsets are taken
        for (String table : PROJECTION_TABLES) {
            jdbc.update("delete from " + table); // delete, not truncate: readers keep the old state until commit
        }
        frameworks.clear();
        long read = 0, applied = 0, duplicates = 0, malformed = 0;
        Map<String, Long> endOffsets = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            ends.forEach((p, offset) -> endOffsets.put(p.toString(), offset));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                List<IncomingEvent> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue; // beyond the end taken at the start: the live consumer applies it
                    }
                    read++;
                    try {
                        batch.add(IncomingEvent.of(record));
                    } catch (RuntimeException e) {
                        malformed++;
                    }
                }
                // A fresh context per poll: what it caches is bounded by one batch, not by the whole topic.
                EventApplier.Outcome outcome = applier.apply(batch, false, new ApplyContext());
                applied += outcome.applied().size();
                duplicates += outcome.duplicates();
                malformed += outcome.deadLetters().size(); // dead-lettered when they first arrived
            }
        }
        long inspections = jdbc.one("select count(*) from inspection", row -> row.getLong(1)).orElse(0L);
        LOG.infof("Rebuild: %d events read, %d applied, %d duplicates, %d inspections", read, applied, duplicates,
                inspections);
        return new Report(read, applied, duplicates, malformed, inspections, endOffsets,
                System.currentTimeMillis() - started);
    }

    /** Best effort: the gate in EventProcessor is what keeps live batches out; pausing spares the broker. */
    private static void pause(io.smallrye.reactive.messaging.kafka.KafkaConsumer<Object, Object> live, boolean pause) {
        if (live == null) {
            return;
        }
        try {
            if (pause) {
                live.pause().await().atMost(Duration.ofSeconds(10));
            } else {
                live.resume().await().atMost(Duration.ofSeconds(10));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not %s the live consumer: %s", pause ? "pause" : "resume", e.toString());
        }
    }

    private io.smallrye.reactive.messaging.kafka.KafkaConsumer<Object, Object> liveConsumer() {
        try {
            return clients.getConsumer(CaseEventsConsumer.CHANNEL);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "rating-service-rebuild");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "rating-service-rebuild");
        return config;
    }
}
