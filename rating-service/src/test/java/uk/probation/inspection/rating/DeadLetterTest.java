package uk.probation.inspection.rating;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.events.EventCodec;
import uk.probation.inspection.events.cases.AnswerRecorded;
import uk.probation.inspection.infra.test.KafkaTestResource;
import uk.probation.inspection.infra.test.TestTokens;

/**
 * What can never be applied goes to the dead-letter topic with its reason, and the records behind it are applied at
 * once; an operator replays dead letters once their cause is mended.
 */
@QuarkusTest
class DeadLetterTest {

    static final String DEAD_LETTERS = "case-events.dlq.rating-service";

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextRecordIsAppliedAtOnce() throws Exception {
        UUID id = UUID.randomUUID();
        CaseEventStream stream = new CaseEventStream(id).opened("Poison PDU", "Poisonshire", "Poison", "lena")
                .teamMember("lena", "LEAD").caseRegistered("P-1", "COMMUNITY", false, "MALE", "WHITE", "LOW");
        stream.send();
        Ratings.await(id, "lena", r -> true);

        // Undecodable (not its type's shape), not a CloudEvent at all, an unknown type, and one its handler refuses
        // (a judgement of a standard rated from cases); then a good answer.
        stream.addRaw("answer.recorded", "{\"inspectionId\":\"" + id + "\",\"caseRef\":\"P-1\"}")
                .addRaw("answer.deleted", "{\"inspectionId\":\"" + id + "\"}")
                .judgement("2.2", "GOOD", null, 1).send();
        sendWithoutHeaders(id, "{\"hello\":\"world\"}");
        long started = System.nanoTime();
        stream.answer("P-1", "2.2.1", "YES", null, 1).send();
        Ratings.await(id, "lena", r -> PublicationTest.keyQuestion(r, "2.2.1").path("yes").asInt() == 1);
        System.out.printf("the good answer behind four poison records applied after %d ms%n",
                (System.nanoTime() - started) / 1_000_000);

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.recordsFor(DEAD_LETTERS, id.toString()).size() == 4);
        List<ConsumerRecord<String, String>> dead = TopicReader.recordsFor(DEAD_LETTERS, id.toString());
        // In whatever order the batches brought them: each with its reason and what was wrong.
        java.util.Map<String, String> reasonByError = new java.util.TreeMap<>();
        dead.forEach(r -> reasonByError.put(TopicReader.header(r, "dlq_error"), TopicReader.header(r, "dlq_reason")));
        assertEquals(List.of("refused", "undecodable", "undecodable", "undecodable"),
                reasonByError.values().stream().sorted().toList());
        assertTrue(errorWith(reasonByError, "answer.recorded does not match its contract"), reasonByError.toString());
        assertTrue(errorWith(reasonByError, "'answer.deleted' is not an event type of case-events"), reasonByError.toString());
        assertTrue(errorWith(reasonByError, "standard 2.2 is not judgement-rated"), reasonByError.toString());
        assertTrue(errorWith(reasonByError, "not a CloudEvent"), reasonByError.toString());
        assertTrue(dead.stream().anyMatch(r -> "answer.recorded".equals(TopicReader.header(r, "ce_type"))),
                "the original headers travel");
        for (ConsumerRecord<String, String> record : dead) {
            assertEquals("rating-service", TopicReader.header(record, "dlq_consumer"));
            assertTrue(TopicReader.header(record, "dlq_source").startsWith("case-events-"));
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("pip_events_dead_lettered_total{consumer=\"rating-service\",reason=\"undecodable\""),
                "counted: " + metrics.lines().filter(l -> l.contains("dead_lettered")).toList());
    }

    @Test
    void anOperatorReplaysDeadLettersOnceTheirCauseIsMended() throws Exception {
        UUID id = UUID.randomUUID();
        new CaseEventStream(id).opened("Replay PDU", "Replayshire", "Replay", "lena").teamMember("lena", "LEAD")
                .caseRegistered("R-1", "COMMUNITY", false, "MALE", "WHITE", "LOW").send();
        Ratings.await(id, "lena", r -> true);
        // A dead letter left by an earlier fault (say, a version of this service that could not read it): valid now.
        ProducerRecord<String, String> letter = new ProducerRecord<>(DEAD_LETTERS, id.toString(), EventCodec.encode(
                new AnswerRecorded(id, "R-1", "2.2.1", "NO", null, 1, "ian")));
        for (String[] header : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                {"ce_type", "answer.recorded"}, {"ce_source", "/case-service"}, {"ce_subject", id.toString()},
                {"dlq_reason", "refused"}}) {
            letter.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        producer().send(letter).get();

        String admin = TestTokens.token("ada", "admin");
        given().auth().oauth2(TestTokens.token("lena", "lead-inspector")).post("/admin/dead-letters/replay").then()
                .statusCode(403);
        given().auth().oauth2(admin).post("/admin/dead-letters/replay").then().statusCode(200);
        Ratings.await(id, "lena", r -> PublicationTest.keyQuestion(r, "2.2.1").path("no").asInt() == 1);
        // Replayed once: a second replay applies nothing (what it reads, if anything, is what still cannot apply).
        int applied = given().auth().oauth2(admin).post("/admin/dead-letters/replay").then().statusCode(200).extract()
                .path("applied");
        assertEquals(0, applied);
        assertEquals(1, PublicationTest.keyQuestion(Ratings.get(id, "lena"), "2.2.1").path("no").asInt());
    }

    private static boolean errorWith(java.util.Map<String, String> errors, String text) {
        return errors.keySet().stream().anyMatch(e -> e.contains(text));
    }

    private static void sendWithoutHeaders(UUID key, String value) throws Exception {
        producer().send(new ProducerRecord<>("case-events", key.toString(), value)).get();
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }
}
