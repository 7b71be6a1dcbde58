package uk.probation.inspection.cases.support;

import static org.awaitility.Awaitility.await;

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

/**
 * Reads case-events from the real broker with a plain consumer (no group), keeping only one inspection's
 * records: other tests share the topic.
 */
public final class CaseEventsReader implements AutoCloseable {

    /** One record as a consumer sees it. */
    public record Event(String key, String id, String type, String source, String subject, String time,
            String contentType, String data, int partition, long offset, String traceparent) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final String inspectionId;
    private final List<Event> events = new ArrayList<>();

    public CaseEventsReader(String inspectionId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor("case-events", Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.inspectionId = inspectionId;
    }

    /** Polls until at least {@code count} events of the inspection arrived; returns all of them so far. */
    public List<Event> awaitAtLeast(int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            poll();
            return events.size() >= count;
        });
        return List.copyOf(events);
    }

    /**
     * Polls until {@code count} distinct ce_ids of the inspection arrived (a resend after a failure repeats a
     * ce_id); returns every record so far, repeats included.
     */
    public List<Event> awaitDistinct(int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            poll();
            return events.stream().map(Event::id).distinct().count() >= count;
        });
        return List.copyOf(events);
    }

    /** Every event of the inspection seen so far, after one more poll. */
    public List<Event> events() {
        poll();
        return List.copyOf(events);
    }

    private void poll() {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            if (inspectionId.equals(r.key())) {
                events.add(new Event(r.key(), header(r, "ce_id"), header(r, "ce_type"), header(r, "ce_source"),
                        header(r, "ce_subject"), header(r, "ce_time"), header(r, "content-type"), r.value(),
                        r.partition(), r.offset(), header(r, "traceparent")));
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
