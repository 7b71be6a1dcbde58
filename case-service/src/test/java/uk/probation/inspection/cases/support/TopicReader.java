package uk.probation.inspection.cases.support;

import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import uk.probation.inspection.infra.test.KafkaTestResource;

/** Every record of one topic from its beginning, read with a plain consumer (no group). */
public final class TopicReader implements AutoCloseable {

    /** One record: key, ce_type and value. */
    public record Record(String key, String type, String value) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Record> records = new ArrayList<>();

    public TopicReader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The records of {@code key} so far, after one more poll. */
    public List<Record> of(String key) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            Header type = r.headers().lastHeader("ce_type");
            records.add(new Record(r.key(), type == null ? null : new String(type.value(), StandardCharsets.UTF_8),
                    r.value()));
        }
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Polls until {@code key} has at least {@code count} records; returns them. */
    public List<Record> await(String key, int count, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> of(key).size() >= count);
        return of(key);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
