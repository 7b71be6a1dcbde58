package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * One answer followed by its trace id, as an operator would: case-service's log line of the PUT, the record on
 * {@code case-events} (its {@code traceparent} header), rating-service's log lines applying it and writing the
 * snapshot, and the {@code rating.snapshot} record on {@code inspection-ratings}; all of the packaged services.
 */
class TraceEndToEndTest {

    @Test
    void onePutsTraceIdRunsFromCaseServiceThroughCaseEventsToTheRatingSnapshot() throws Exception {
        String cases = RunningSystem.url("case-service");
        String lead = RunningSystem.token("tess", "lead-inspector");
        String id = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("name", "Trace PDU", "region", "Trace", "pdu", "Trace",
                        "frameworkId", "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05",
                        "sampleFrom", "2022-01-24", "sampleTo", "2022-02-25"))
                .post(cases + "/inspections").then().statusCode(201).extract().path("id");
        given().auth().oauth2(lead).contentType("text/csv")
                .body("case_ref,cohort,sentence_type,young_adult,gender,ethnicity,rosh_level,start_date\n"
                        + "TR-1,COMMUNITY,SUSPENDED_SENTENCE_ORDER,true,MALE,Black or Black British,MEDIUM,2022-01-24\n")
                .post(cases + "/inspections/" + id + "/cases").then().statusCode(201);
        awaitLine("rating-service", "case.registered", id); // so the snapshot to follow is the answer's own

        String trace = UUID.randomUUID().toString().replace("-", "");
        String sent = "00-" + trace + "-00f067aa0ba902b7-01";
        String caseSpan = given().auth().oauth2(lead).header("traceparent", sent).contentType(ContentType.JSON)
                .body(Map.of("answer", "YES")).put(cases + "/inspections/" + id + "/cases/TR-1/answers/2.2.1")
                .then().statusCode(200).extract().header("traceparent");
        assertTrue(caseSpan.startsWith("00-" + trace + "-"), caseSpan);

        // case-service: the PUT's log line carries the trace id
        String put = awaitLine("case-service", "traceId=" + trace, "PUT");
        assertTrue(put.contains(id), put);

        // case-events: the answer's record carries case-service's span of the trace
        Map<String, List<String>> caseEvents = traceparents("case-events", id);
        assertEquals(List.of(caseSpan), caseEvents.get("answer.recorded"));

        // rating-service: applying it and writing the snapshot, both under the same trace id
        awaitLine("rating-service", "traceId=" + trace, "Applying answer.recorded");
        awaitLine("rating-service", "traceId=" + trace, "rating.snapshot of inspection " + id);
        // inspection-ratings: the snapshot the answer caused continues the trace
        await().atMost(Duration.ofSeconds(30)).until(() -> traceparents("inspection-ratings", id)
                .getOrDefault("rating.snapshot", List.of()).stream().anyMatch(t -> t != null && t.contains(trace)));
    }

    /** Waits for a line of the service's log holding every one of {@code parts}; returns it. */
    private static String awaitLine(String service, String... parts) {
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            for (String line : Files.readAllLines(log(service), StandardCharsets.UTF_8)) {
                if (java.util.Arrays.stream(parts).allMatch(line::contains)) {
                    found[0] = line;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static Path log(String service) {
        return Path.of("target", "e2e-run", service + ".log");
    }

    /** The traceparent header of every record of {@code key} on {@code topic}, by ce_type. */
    private static Map<String, List<String>> traceparents(String topic, String key) throws IOException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSystem.get().bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<String>> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.computeIfAbsent(header(record, "ce_type"), t -> new ArrayList<>())
                                .add(header(record, "traceparent"));
                    }
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
