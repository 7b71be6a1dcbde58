package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.probation.inspection.infra.test.GoldenData;

/**
 * Publication integrity across the three packaged services on the real broker: preconditions, the freeze of
 * every write path (nothing stored, nothing emitted, no figure moves), audited reopening, publication versions for
 * viewers, an embargo that lifts by itself, and a published-ratings topic that never carries an unpublished
 * inspection.
 */
@Order(2)
class PublicationEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "Yorkshire";

    private final String cases = RunningSystem.url("case-service");
    private final String ratings = RunningSystem.url("rating-service");
    private final String feedback = RunningSystem.url("feedback-service");
    private final String lead = RunningSystem.token("lena", "lead-inspector");
    private final String ingest = RunningSystem.token("sue", "survey-ingest");
    private final String viewer = RunningSystem.token("vic", "viewer", REGION);

    private RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void aPublishedInspectionCannotChangeAndViewersSeeOnlyPublications() throws Exception {
        try (Topic published = new Topic("published-ratings"); Topic caseEvents = new Topic("case-events")) {
            String quiet = open("Quiet PDU"); // never published: nothing of it may reach published-ratings
            registerAndAnswer(quiet);
            String id = open("Frozen PDU");
            String base = cases + "/inspections/" + id;
            registerAndAnswer(id);
            awaitFeedbackKnows(id);
            as(ingest).contentType("text/csv; charset=UTF-8").body(survey(0, 40))
                    .post(feedback + "/inspections/" + id + "/surveys/user-voice-2022/responses").then().statusCode(200);
            for (String standard : List.of("1.1", "1.2", "1.3")) {
                judge(id, standard, "GOOD");
            }

            // A missing judgement: 409 naming it, nothing changed.
            as(lead).post(base + "/publish").then().statusCode(409).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("judgements/1.4")));
            judge(id, "1.4", "GOOD");
            as(lead).post(base + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"))
                    .body("publicationVersion", equalTo(1));
            JsonNode v1 = awaitViewerRatings(id, 1);
            int percentage = keyQuestion(v1, "2.2.1").path("percentage").asInt();
            String teamBefore = teamRatings(id);
            JsonNode feedbackBefore = viewerFeedback(id);
            assertEquals(40, feedbackBefore.path("respondents").asInt());

            // Every write path is refused: case-service (answer, case, judgement, team), feedback-service (survey).
            as(lead).contentType(ContentType.JSON).body(Map.of("answer", "NO"))
                    .put(base + "/cases/NEW-001/answers/2.2.1").then().statusCode(409)
                    .body("detail", containsString("reopen it to change it"));
            as(lead).contentType("text/csv; charset=UTF-8").body(caseRows(3, 4)).post(base + "/cases").then()
                    .statusCode(409);
            as(lead).contentType(ContentType.JSON).body(Map.of("rating", "INADEQUATE", "rationale", "x"))
                    .put(base + "/judgements/1.1").then().statusCode(409);
            as(lead).contentType(ContentType.JSON).body(Map.of("role", "INSPECTOR")).put(base + "/team/ivan").then()
                    .statusCode(409);
            await().atMost(Duration.ofSeconds(30)).until(() -> as(ingest).contentType("text/csv; charset=UTF-8")
                    .body(survey(100, 5)).post(feedback + "/inspections/" + id + "/surveys/user-voice-2022/responses")
                    .statusCode() == 409);
            Thread.sleep(2000);
            List<ConsumerRecord<String, String>> events = caseEvents.recordsFor(id);
            assertEquals("inspection.published", type(events.get(events.size() - 1)), "nothing after publication");
            assertEquals(teamBefore, teamRatings(id), "rating-service figures did not move");
            as(lead).get(base + "/cases").then().body("caseRef", equalTo(List.of("NEW-001", "NEW-002")));
            as(lead).get(base + "/cases/NEW-001").then()
                    .body("answers.find { it.questionId == '2.2.1' }.version", equalTo(1));
            assertEquals(40, teamFeedback(id).path("respondents").asInt(), "no survey stored");

            // Reopened with a reason: writes are accepted; viewers keep publication 1.
            as(lead).contentType(ContentType.JSON).body(Map.of("reason", "NEW-001 was misread")).post(base + "/reopen")
                    .then().statusCode(200).body("status", equalTo("OPEN"));
            String flipped = keyQuestion(v1, "2.2.1").path("yes").asInt() > 0 ? "NO" : "YES";
            as(lead).contentType(ContentType.JSON).body(Map.of("answer", flipped))
                    .put(base + "/cases/NEW-001/answers/2.2.1").then().statusCode(200).body("version", equalTo(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> as(ingest).contentType("text/csv; charset=UTF-8")
                    .body(survey(100, 5)).post(feedback + "/inspections/" + id + "/surveys/user-voice-2022/responses")
                    .statusCode() == 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> !teamRatings(id).equals(teamBefore));
            JsonNode stillV1 = viewerRatings(id);
            assertEquals(1, stillV1.path("publicationVersion").asInt());
            assertEquals(percentage, keyQuestion(stillV1, "2.2.1").path("percentage").asInt());
            as(viewer).get(base).then().statusCode(200).body("publicationVersion", equalTo(1))
                    .body("status", equalTo("PUBLISHED"));
            assertEquals(40, viewerFeedback(id).path("respondents").asInt(), "viewers keep publication 1's feedback");
            as(lead).get(base + "/publications").then().body("reopenings[0].reason", equalTo("NEW-001 was misread"));

            // Published again: viewers move to publication 2.
            as(lead).post(base + "/publish").then().statusCode(200).body("publicationVersion", equalTo(2));
            JsonNode v2 = awaitViewerRatings(id, 2);
            assertFalse(keyQuestion(v2, "2.2.1").path("percentage").asInt() == percentage);
            await().atMost(Duration.ofSeconds(30)).until(() -> viewerFeedback(id).path("respondents").asInt() == 45);

            // An embargo: 404 for a viewer until its time, 200 after, with nobody acting.
            String later = open("Embargo PDU");
            registerAndAnswer(later);
            for (String standard : List.of("1.1", "1.2", "1.3", "1.4")) {
                judge(later, standard, "GOOD");
            }
            Instant at = Instant.now().plusSeconds(3);
            as(lead).contentType(ContentType.JSON).body(Map.of("at", at.toString()))
                    .post(cases + "/inspections/" + later + "/publish").then().statusCode(200)
                    .body("status", equalTo("SCHEDULED"));
            assertEquals(404, as(viewer).get(ratings + "/inspections/" + later + "/ratings").statusCode());
            assertEquals(404, as(viewer).get(cases + "/inspections/" + later).statusCode());
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> as(viewer).get(ratings + "/inspections/" + later + "/ratings").statusCode() == 200);
            assertFalse(Instant.now().isBefore(at));
            as(viewer).get(cases + "/inspections/" + later).then().statusCode(200);
            as(viewer).get(ratings + "/regions/" + REGION + "/ratings").then().body("id", hasItem(later));

            // The unpublished inspection changes all along; published-ratings carries only publications.
            as(lead).contentType(ContentType.JSON).body(Map.of("answer", "NO"))
                    .put(cases + "/inspections/" + quiet + "/cases/NEW-001/answers/2.2.2").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> published.recordsFor(later).size() == 1
                    && published.recordsFor(id).size() == 2);
            Thread.sleep(1000);
            assertEquals(List.of(), published.recordsFor(quiet), "an unpublished inspection on published-ratings");
            List<Integer> versions = new ArrayList<>();
            for (ConsumerRecord<String, String> record : published.recordsFor(id)) {
                assertEquals("rating.published", type(record));
                versions.add(JSON.readTree(record.value()).path("publicationVersion").asInt());
            }
            assertEquals(List.of(1, 2), versions);
            ConsumerRecord<String, String> embargoed = published.recordsFor(later).get(0);
            assertTrue(embargoed.timestamp() >= at.toEpochMilli(), "written before the embargo lifted");
        }
    }

    private String open(String name) {
        return as(lead).contentType(ContentType.JSON)
                .body(Map.of("name", name, "region", REGION, "pdu", name, "frameworkId", "hmip-probation-pdu-2021",
                        "fieldworkStart", "2022-09-05", "sampleFrom", "2022-01-24", "sampleTo", "2022-02-25"))
                .post(cases + "/inspections").then().statusCode(201).extract().path("id");
    }

    /** Two Newham cases, and their answers to every question from the Newham data. */
    private void registerAndAnswer(String id) throws Exception {
        as(lead).contentType("text/csv; charset=UTF-8").body(caseRows(1, 2)).post(cases + "/inspections/" + id + "/cases")
                .then().statusCode(201);
        List<String> lines = Files.readAllLines(GoldenData.newham("answers.csv"), StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        lines.stream().skip(1).filter(l -> l.startsWith("NEW-001,") || l.startsWith("NEW-002,"))
                .forEach(l -> csv.append(l).append('\n'));
        as(lead).contentType("text/csv; charset=UTF-8").body(csv.toString()).post(cases + "/inspections/" + id + "/answers")
                .then().statusCode(200);
    }

    private static String caseRows(int from, int to) throws Exception {
        List<String> lines = Files.readAllLines(GoldenData.newham("cases.csv"), StandardCharsets.UTF_8);
        return String.join("\n", lines.get(0)) + "\n" + String.join("\n", lines.subList(from, to + 1)) + "\n";
    }

    private void judge(String id, String standard, String rating) {
        as(lead).contentType(ContentType.JSON).body(Map.of("rating", rating, "rationale", "Seen in fieldwork."))
                .put(cases + "/inspections/" + id + "/judgements/" + standard).then().statusCode(200);
    }

    private void awaitFeedbackKnows(String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> as(lead).get(feedback + "/inspections/" + id + "/feedback")
                .statusCode() == 200);
    }

    /** {@code count} User Voice rows with respondent ids from {@code first}, from the Newham file's first rows. */
    private static String survey(int first, int count) throws Exception {
        List<String> lines = Files.readAllLines(GoldenData.newham("user-voice.csv"), StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 0; i < count; i++) {
            String row = lines.get(1 + i % (lines.size() - 1));
            csv.append("E2E-").append(first + i).append(row.substring(row.indexOf(','))).append('\n');
        }
        return csv.toString();
    }

    private String teamRatings(String id) {
        return as(lead).get(ratings + "/inspections/" + id + "/ratings").then().statusCode(200).extract().asString()
                .replaceAll("\"publishedAt\":\"[^\"]*\"", "");
    }

    private JsonNode viewerRatings(String id) throws Exception {
        return JSON.readTree(as(viewer).get(ratings + "/inspections/" + id + "/ratings").then().statusCode(200)
                .extract().asString());
    }

    private JsonNode awaitViewerRatings(String id, int version) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = as(viewer).get(ratings + "/inspections/" + id + "/ratings");
            return response.statusCode() == 200 && response.jsonPath().getInt("publicationVersion") == version;
        });
        return viewerRatings(id);
    }

    private JsonNode viewerFeedback(String id) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> as(viewer).get(feedback + "/inspections/" + id + "/feedback")
                .statusCode() == 200);
        return JSON.readTree(as(viewer).get(feedback + "/inspections/" + id + "/feedback").asString());
    }

    private JsonNode teamFeedback(String id) throws Exception {
        return JSON.readTree(as(lead).get(feedback + "/inspections/" + id + "/feedback").then().statusCode(200)
                .extract().asString());
    }

    private static JsonNode keyQuestion(JsonNode ratings, String id) {
        for (JsonNode standard : ratings.path("standards")) {
            for (JsonNode q : standard.path("keyQuestions")) {
                if (q.path("id").asText().equals(id)) {
                    return q;
                }
            }
        }
        throw new AssertionError("no key question " + id);
    }

    private static String type(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every record of a topic from its beginning, read on demand. */
    private static final class Topic implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

        Topic(String name) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSystem.get().bootstrapServers());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(config);
            List<TopicPartition> partitions = consumer.partitionsFor(name, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(name, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        List<ConsumerRecord<String, String>> recordsFor(String key) {
            for (int i = 0; i < 3; i++) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            return records.stream().filter(r -> key.equals(r.key())).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
