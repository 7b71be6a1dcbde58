package uk.probation.inspection.rating.consume;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * {@code rating.consumer.lag}: case events on the assigned partitions not yet committed by the live consumer
 * (end offset minus committed offset), refreshed periodically on the consumer's polling thread.
 */
@ApplicationScoped
public class ConsumerLag {

    @Inject
    KafkaClientService clients;

    @ConfigProperty(name = "rating.consumer-lag.interval", defaultValue = "PT5S")
    Duration interval;

    private final AtomicLong lag = new AtomicLong(-1);
    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("rating.consumer.lag", lag, AtomicLong::get)
                .description("case-events not yet applied and committed by rating-service (-1: unknown)")
                .register(registry);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "consumer-lag");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    public long current() {
        return lag.get();
    }

    void refresh() {
        try {
            KafkaConsumer<Object, Object> consumer = clients.getConsumer(CaseEventsConsumer.CHANNEL);
            if (consumer == null) {
                return;
            }
            consumer.runOnPollingThread(kafka -> {
                Set<TopicPartition> assigned = kafka.assignment();
                if (assigned.isEmpty()) {
                    return 0L;
                }
                Map<TopicPartition, Long> ends = kafka.endOffsets(assigned, Duration.ofSeconds(2));
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(assigned, Duration.ofSeconds(2));
                long total = 0;
                for (TopicPartition partition : assigned) {
                    OffsetAndMetadata done = committed.get(partition);
                    total += Math.max(0, ends.getOrDefault(partition, 0L) - (done == null ? 0 : done.offset()));
                }
                return total;
            }).subscribe().with(lag::set, failure -> lag.set(-1));
        } catch (RuntimeException e) {
            lag.set(-1);
        }
    }
}
