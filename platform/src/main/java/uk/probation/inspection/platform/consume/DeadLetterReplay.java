package uk.probation.inspection.platform.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;
import uk.probation.inspection.platform.events.IncomingEvent;

/**
 * An operator's replay of a consumer's dead letters, once their cause is mended: every dead letter not replayed
 * before (consumer group {@code <consumer>-dlq-replay}) up to the topic's end is handed to the consumer's own
 * processing, exactly like a live batch (the inbox makes a replayed event that did get applied a no-op); what still
 * cannot be applied becomes a new dead letter.
 */
@ApplicationScoped
public class DeadLetterReplay {

    /** What one replay read and applied. */
    /** What a replay read from the dead letters and applied (named for the OpenAPI documents' schema). */
    public record ReplayReport(String topic, int read, int applied, int notCloudEvents) {
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    DeadLetters deadLetters;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    /** @param process applies a batch as the live consumer does; returns how many were applied for the first time */
    public ReplayReport replay(String sourceTopic, ToIntFunction<List<IncomingEvent>> process) {
        String topic = deadLetters.topicOf(sourceTopic);
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumer + "-dlq-replay");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, consumer + "-dlq-replay-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        int read = 0;
        int applied = 0;
        int notCloudEvents = 0;
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            kafka.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null) {
                    kafka.seekToBeginning(List.of(partition));
                } else {
                    kafka.seek(partition, offset.offset());
                }
            }
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> kafka.position(p) < ends.get(p))) {
                List<IncomingEvent> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        read++;
                        try {
                            batch.add(IncomingEvent.of(record));
                        } catch (IllegalArgumentException e) {
                            notCloudEvents++; // nothing could ever apply it: it stays on the topic as evidence
                        }
                    }
                }
                applied += process.applyAsInt(batch);
                kafka.commitSync();
            }
        }
        return new ReplayReport(topic, read, applied, notCloudEvents);
    }
}
