package uk.probation.inspection.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;

import uk.probation.inspection.infra.Topics;

/**
 * Watches inspection-ratings and records, per inspection, when each rating.snapshot arrived and how many
 * key-question answers it counts (yes + no + not applicable over every key question).
 */
public final class EndToEnd implements AutoCloseable {

    /** A snapshot seen: when (System.nanoTime) and how many key-question answers it includes. */
    public record Seen(long nanos, int answers) {
    }

    private final Map<String, List<Seen>> seen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public EndToEnd(String bootstrap) {
        KafkaConsumer<byte[], byte[]> consumer = Kafka.consumer(bootstrap);
        List<TopicPartition> partitions = Kafka.partitions(consumer, Topics.INSPECTION_RATINGS);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any answer is sent
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        try {
                            JsonNode snapshot = Http.JSON.readTree(record.value());
                            int answers = 0;
                            for (JsonNode standard : snapshot.path("standards")) {
                                for (JsonNode q : standard.path("keyQuestions")) {
                                    answers += q.path("yes").asInt() + q.path("no").asInt() + q.path("notApplicable").asInt();
                                }
                            }
                            seen.computeIfAbsent(snapshot.path("inspectionId").asText(), k -> new CopyOnWriteArrayList<>())
                                    .add(new Seen(now, answers));
                        } catch (Exception e) {
                            // not a snapshot: ignore
                        }
                    }
                }
            }
        }, "ratings-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** The first time a snapshot of {@code inspectionId} counted at least {@code answers}, or -1. */
    public long firstIncluding(String inspectionId, int answers) {
        for (Seen s : seen.getOrDefault(inspectionId, List.of())) {
            if (s.answers() >= answers) {
                return s.nanos();
            }
        }
        return -1;
    }

    /** The latest count seen for an inspection (0 when none). */
    public int latest(String inspectionId) {
        List<Seen> list = seen.getOrDefault(inspectionId, List.of());
        return list.isEmpty() ? 0 : list.get(list.size() - 1).answers();
    }

    public long snapshots() {
        return seen.values().stream().mapToLong(List::size).sum();
    }

    public List<String> inspections() {
        return new ArrayList<>(seen.keySet());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
