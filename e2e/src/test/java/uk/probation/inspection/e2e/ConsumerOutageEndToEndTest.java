package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.probation.inspection.events.EventCodec;
import uk.probation.inspection.events.Topic;
import uk.probation.inspection.events.cases.AnswerRecorded;
import uk.probation.inspection.infra.test.GoldenData;
import uk.probation.inspection.infra.run.LocalSystem;

/**
 * A PostgreSQL outage longer than a consumer's retry window: rating-service stops consuming for good, says so on
 * its liveness probe (so an orchestrator restarts it) instead of looking healthy while idle, and once restarted
 * applies what it had not — nothing is lost. Its own system, with a 5-second retry window.
 */
@Order(95)
class ConsumerOutageEndToEndTest {

    private static LocalSystem system;

    @BeforeAll
    static void start() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path runDir = Path.of("target", "e2e-outage-run").toAbsolutePath();
        system = LocalSystem.start(LocalSystem.Options.isolated(root, runDir, "outage", true)
                .only("case-service", "rating-service").withServiceEnv(Map.of("RATING_APPLY_RETRY_FOR", "PT5S")));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.stop();
        }
    }

    @Test
    void anOutageLongerThanTheRetryWindowEndsInARestartThatLosesNothing() throws Exception {
        String cases = system.service("case-service").url();
        String ratings = system.service("rating-service").url();
        String health = system.service("rating-service").managementUrl() + "/q/health/live";
        String lead = system.tokens().token("lena", "lead-inspector", "*");
        String id = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("name", "Outage PDU", "region", "London", "pdu", "Outage", "frameworkId",
                        "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05", "sampleFrom", "2022-01-24",
                        "sampleTo", "2022-02-25"))
                .post(cases + "/inspections").then().statusCode(201).extract().path("id");
        String csv = String.join("\n", Files.readAllLines(GoldenData.newham("cases.csv"), StandardCharsets.UTF_8)
                .subList(0, 2)) + "\n";
        given().auth().oauth2(lead).contentType("text/csv; charset=UTF-8").body(csv)
                .post(cases + "/inspections/" + id + "/cases").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(lead)
                .get(ratings + "/inspections/" + id + "/ratings").statusCode() == 200);
        given().get(health).then().statusCode(200);

        // PostgreSQL goes away; an answer arrives on case-events (recorded before the outage, say).
        system.postgres().stopEmbedded();
        try {
            send(new AnswerRecorded(UUID.fromString(id), "NEW-001", "2.2.1", "YES", null, 1, "lena"));
            // The batch is tried for its 5-second window, then the consumer gives up: not live any more.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> given().get(health).statusCode() == 503);
            JsonPath liveness = given().get(health).then().extract().jsonPath();
            assertEquals("DOWN", liveness.getString("checks.find { it.name == 'consumers' }.status"));
        } finally {
            system.postgres().restartEmbedded();
        }

        // The orchestrator restarts it; it resumes from its committed offsets and applies the answer.
        system.restartService("rating-service");
        given().get(system.service("rating-service").managementUrl() + "/q/health/live").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var response = given().auth().oauth2(lead).get(ratings + "/inspections/" + id + "/questions");
            return response.statusCode() == 200
                    && response.jsonPath().getInt("find { it.id == '2.2.1' }.yes") == 1;
        });
        // and exactly once: one answer counted, one relevant case
        assertEquals(1, given().auth().oauth2(lead).get(ratings + "/inspections/" + id + "/questions").jsonPath()
                .getInt("find { it.id == '2.2.1' }.relevant"));
    }

    private static void send(AnswerRecorded event) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            String key = event.inspectionId().toString();
            ProducerRecord<String, String> record = new ProducerRecord<>("case-events", key, EventCodec.encode(event));
            for (String[] header : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                    {"ce_type", Topic.typeOf(event)}, {"ce_source", "/case-service"},
                    {"ce_time", Instant.now().toString()}, {"ce_subject", key}}) {
                record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        }
    }
}
