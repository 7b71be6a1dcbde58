package uk.probation.inspection.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import uk.probation.inspection.infra.Topics;
import uk.probation.inspection.infra.test.KafkaTestResource;

/** Reads what feedback-service emitted on the real feedback-events topic. */
public final class FeedbackEvents {

    private FeedbackEvents() {
    }

    /** Waits for {@code expected} survey.responses.ingested events of the inspection and returns exactly those. */
    public static List<ConsumerRecord<String, String>> of(String inspectionId, int expected) {
        return of(inspectionId, "survey.responses.ingested", expected);
    }

    /** Waits for {@code expected} events of {@code type} of the inspection, from the start of the topic; exactly those. */
    public static List<ConsumerRecord<String, String>> of(String inspectionId, String type, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FEEDBACK_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    var typeHeader = record.headers().lastHeader("ce_type");
                    if (inspectionId.equals(record.key()) && typeHeader != null
                            && type.equals(new String(typeHeader.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                }
                return found.size() >= expected;
            });
        }
        assertEquals(expected, found.size());
        return found;
    }

    /** "accepted/replaced/respondents" of each event, in order. */
    public static List<String> counts(List<ConsumerRecord<String, String>> events) throws Exception {
        List<String> counts = new ArrayList<>();
        for (ConsumerRecord<String, String> event : events) {
            var data = Surveys.JSON.readTree(event.value());
            counts.add(data.get("accepted") + "/" + data.get("replaced") + "/" + data.get("respondents"));
        }
        return counts;
    }
}
