package uk.probation.inspection.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The launcher starts a real broker that survives a crash and restart with its data, and creates the contract's topics. */
class KafkaBrokerTest {

    @Test
    void brokerServesTopicsAndKeepsDataAcrossACrash() throws Exception {
        Path dir = Files.createTempDirectory("kafka-broker-test");
        KafkaBroker broker = KafkaBroker.start(dir);
        try {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(
                        Topics.ALL.stream().map(Topics.Topic::name).toList()).allTopicNames().get();
                assertEquals(Topics.ALL.size(), topics.size());
                String policy = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                        Topics.INSPECTION_RATINGS))).all().get().values().iterator().next().get("cleanup.policy").value();
                assertEquals("compact", policy);
            }
            send(broker, "before-crash");
            long oldPid = broker.pid();
            broker.kill();
            assertFalse(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false));
            broker.launch();
            send(broker, "after-restart");
            assertEquals(List.of("before-crash", "after-restart"), readAll(broker));
        } finally {
            broker.close();
        }
        assertFalse(ProcessHandle.of(broker.pid()).map(ProcessHandle::isAlive).orElse(false), "broker stopped");
        assertTrue(Files.size(broker.log()) > 0, "the broker logs through its SLF4J binding");
    }

    private static void send(KafkaBroker broker, String value) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, "same-key", value)).get();
        }
    }

    private static List<String> readAll(KafkaBroker broker) {
        Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("group.id", "broker-test");
        props.put("auto.offset.reset", "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < 2 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
