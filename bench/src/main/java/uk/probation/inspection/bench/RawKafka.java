package uk.probation.inspection.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.probation.inspection.infra.JavaProcess;
import uk.probation.inspection.infra.KafkaBroker;
import uk.probation.inspection.infra.Topics;

/**
 * The ceiling: Kafka's own ProducerPerformance and ConsumerPerformance on the same broker, run as child JVMs with
 * the broker's classpath (kafka-tools is on it).
 */
public final class RawKafka {

    public record Result(long records, int recordSize, double producerRecordsPerSecond, double producerMbPerSecond,
            String producerLatency, double consumerRecordsPerSecond, double consumerFetchRecordsPerSecond,
            double consumerMbPerSecond) {
    }

    private RawKafka() {
    }

    public static Result run(String bootstrap, Path runDir, long records, int recordSize) throws IOException {
        String topic = "bench-raw";
        // Same shape as case-events: 3 partitions, kept for ever.
        KafkaBroker.ensureTopics(bootstrap, List.of(new Topics.Topic(topic, 3, Map.of("retention.ms", "-1"))));
        Path producerLog = runDir.resolve("producer-performance.log");
        JavaProcess producer = JavaProcess.start("producer-performance", classpath(), List.of("-Xmx512m"),
                "org.apache.kafka.tools.ProducerPerformance",
                List.of("--topic", topic, "--num-records", Long.toString(records), "--record-size",
                        Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                        "bootstrap.servers=" + bootstrap, "acks=all", "linger.ms=5", "batch.size=65536"),
                Map.of(), producerLog);
        if (producer.awaitExit(900) != 0) {
            throw new IllegalStateException("ProducerPerformance failed; see " + producerLog);
        }
        String producerOut = Files.readString(producerLog);
        Matcher p = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), (.*)$",
                Pattern.MULTILINE).matcher(producerOut);
        String last = null;
        double rps = 0, mbps = 0;
        while (p.find()) {
            rps = Double.parseDouble(p.group(2));
            mbps = Double.parseDouble(p.group(3));
            last = p.group(4).trim();
        }
        Path consumerLog = runDir.resolve("consumer-performance.log");
        JavaProcess consumer = JavaProcess.start("consumer-performance", classpath(), List.of("-Xmx512m"),
                "org.apache.kafka.tools.ConsumerPerformance",
                List.of("--bootstrap-server", bootstrap, "--topic", topic, "--messages", Long.toString(records),
                        "--timeout", "60000"),
                Map.of(), consumerLog);
        if (consumer.awaitExit(900) != 0) {
            throw new IllegalStateException("ConsumerPerformance failed; see " + consumerLog);
        }
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
        // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
        String[] cells = null;
        for (String line : Files.readAllLines(consumerLog)) {
            String[] c = line.split(",\\s*");
            if (c.length >= 10 && c[0].matches("\\d{4}-.*")) {
                cells = c;
            }
        }
        if (cells == null) {
            throw new IllegalStateException("no ConsumerPerformance result in " + consumerLog);
        }
        return new Result(records, recordSize, rps, mbps, last, Double.parseDouble(cells[5]),
                Double.parseDouble(cells[9]), Double.parseDouble(cells[3]));
    }

    /** The broker classpath written by the infra build (kafka-broker.classpath resource). */
    static String classpath() throws IOException {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream("kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath is missing from the infra jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
