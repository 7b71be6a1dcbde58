package uk.probation.inspection.platform.consume;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import uk.probation.inspection.platform.events.IncomingEvent;

/**
 * Sends what a consumer can never apply to its dead-letter topic, {@code <topic>.dlq.<consumer>}: the original record
 * (key, value, CloudEvents headers) plus {@code dlq_reason}, {@code dlq_error}, {@code dlq_source} (topic, partition
 * and offset) and {@code dlq_consumer}. Synchronously, before the batch's offsets may be committed: a dead letter
 * is never lost. Counted in {@code pip_events_dead_lettered_total}; an operator replays them (see
 * {@link DeadLetterReplay}).
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    private KafkaProducer<String, String> producer;

    public static String topicOf(String topic, String consumer) {
        return topic + ".dlq." + consumer;
    }

    public String topicOf(String topic) {
        return topicOf(topic, consumer);
    }

    /** @throws TransientException when the broker did not take them (the batch then fails and is tried again) */
    public void send(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        try {
            for (DeadLetter letter : letters) {
                LOG.errorf("Dead letter %s %s at %s-%d@%d (%s): %s", letter.event().type(), letter.event().id(),
                        letter.topic(), letter.event().partition(), letter.event().offset(), letter.reason(),
                        letter.error());
            }
            List<Future<RecordMetadata>> sent = letters.stream().map(l -> producer().send(record(l))).toList();
            for (Future<RecordMetadata> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
            letters.forEach(l -> Counter.builder("pip.events.dead.lettered")
                    .description("Events a consumer can never apply, sent to its dead-letter topic")
                    .tag("consumer", consumer).tag("topic", l.topic()).tag("reason", l.reason())
                    .register(registry).increment());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("interrupted while sending dead letters", e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new TransientException("dead letters not sent", e);
        }
    }

    private ProducerRecord<String, String> record(DeadLetter letter) {
        IncomingEvent e = letter.event();
        ProducerRecord<String, String> record = new ProducerRecord<>(topicOf(letter.topic()), e.key(), e.data());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", e.id() == null ? null : e.id().toString());
        header(record, "ce_type", e.type());
        header(record, "ce_source", e.source());
        header(record, "ce_time", e.time() == null ? null : e.time().toString());
        header(record, "ce_subject", e.subject());
        header(record, "content-type", "application/json");
        header(record, "dlq_reason", letter.reason());
        header(record, "dlq_error", letter.error() == null ? null
                : letter.error().substring(0, Math.min(2000, letter.error().length())));
        header(record, "dlq_source", letter.topic() + "-" + e.partition() + "@" + e.offset());
        header(record, "dlq_consumer", consumer);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafkaConfig);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
