package uk.probation.inspection.rating;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.TestTokens;
import uk.probation.inspection.events.Topics;

/**
 * What viewers read is the publication, frozen at its inspection.published, never the live projection: versions,
 * embargo, cancellation, history, published-ratings, and small numbers withheld in breakdowns.
 */
@QuarkusTest
class PublicationTest {

    static final String REGION = "Publicshire";

    static JsonNode asViewer(String path) throws Exception {
        return CaseEventStream.JSON.readTree(given().auth().oauth2(TestTokens.token("vic", "viewer", REGION))
                .get(path).then().statusCode(200).extract().asString());
    }

    static int viewerStatus(String path) {
        return given().auth().oauth2(TestTokens.token("vic", "viewer", REGION)).get(path).statusCode();
    }

    static JsonNode keyQuestion(JsonNode ratings, String id) {
        for (JsonNode standard : ratings.path("standards")) {
            for (JsonNode q : standard.path("keyQuestions")) {
                if (q.path("id").asText().equals(id)) {
                    return q;
                }
            }
        }
        throw new AssertionError("no key question " + id);
    }

    @Test
    void viewersReadTheFrozenPublicationAndTheTeamReadsLive() throws Exception {
        UUID id = UUID.randomUUID();
        String ratings = "/inspections/" + id + "/ratings";
        CaseEventStream stream = new CaseEventStream(id).opened("Frozen PDU", REGION, "Frozen", "lena")
                .teamMember("lena", "LEAD").caseRegistered("F-1", "COMMUNITY", false, "MALE", "WHITE", "LOW")
                .caseRegistered("F-2", "COMMUNITY", false, "MALE", "WHITE", "LOW")
                .answer("F-1", "2.2.1", "YES", null, 1).answer("F-2", "2.2.1", "NO", null, 1);
        stream.send();
        Ratings.await(id, "lena", r -> keyQuestion(r, "2.2.1").path("percentage").asInt(-1) == 50);
        assertEquals(404, viewerStatus(ratings), "nothing before publication");

        Instant first = Instant.now().minusMillis(1);
        stream.published("lena", 1, first).send();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> viewerStatus(ratings) == 200);
        JsonNode v1 = asViewer(ratings);
        assertEquals(1, v1.path("publicationVersion").asInt());
        assertEquals(first, Instant.parse(v1.path("publishedAt").asText()));
        assertFalse(v1.path("provisional").asBoolean());
        assertEquals(50, keyQuestion(v1, "2.2.1").path("percentage").asInt());
        // Viewers see how sure the published figures are: 1 of 2 is anything from 9.5% to 90.5%.
        assertEquals(9.5, keyQuestion(v1, "2.2.1").path("interval").path("low").asDouble());
        assertEquals(90.5, keyQuestion(v1, "2.2.1").path("interval").path("high").asDouble());
        JsonNode assessment = Ratings.standard(v1, "2.2");
        assertFalse(assessment.path("settled").asBoolean(true));
        assertEquals(1, assessment.path("changesToMove").path("up").asInt(), "2/2 is Outstanding");
        assertEquals(1, assessment.path("changesToMove").path("down").asInt(), "0/2 is Inadequate");

        // Whatever the projection does afterwards (a reopened inspection at work), viewers keep publication 1.
        stream.reopened("lena", 1, null).answer("F-2", "2.2.1", "YES", "NO", 2).send();
        JsonNode live = Ratings.await(id, "lena", r -> keyQuestion(r, "2.2.1").path("percentage").asInt(-1) == 100);
        assertTrue(live.path("provisional").asBoolean());
        assertEquals("OPEN", live.path("status").asText());
        assertEquals(1, live.path("publicationVersion").asInt(), "the team is told what readers see");
        JsonNode still = asViewer(ratings);
        assertEquals(50, keyQuestion(still, "2.2.1").path("percentage").asInt());
        assertEquals(1, still.path("publicationVersion").asInt());
        assertEquals(50, Ratings.byId(asViewer("/inspections/" + id + "/questions")).get("2.2.1").path("percentage")
                .asInt());
        JsonNode regionRow = asViewer("/regions/" + REGION + "/ratings");
        assertEquals(1, find(regionRow, id).path("publicationVersion").asInt());
        String report = given().auth().oauth2(TestTokens.token("vic", "viewer", REGION))
                .get("/inspections/" + id + "/report").then().statusCode(200).extract().asString();
        assertTrue(report.contains("Published (publication 1"), "the report says which publication it is");

        // Publication 2: viewers move to it; their history is one point per publication, never the fieldwork.
        stream.published("lena", 2, Instant.now()).send();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> asViewer(ratings).path("publicationVersion").asInt() == 2);
        assertEquals(100, keyQuestion(asViewer(ratings), "2.2.1").path("percentage").asInt());
        JsonNode history = asViewer("/inspections/" + id + "/history").path("2.2.1");
        assertEquals(2, history.size(), history.toString());
        assertEquals(List.of(50, 100), List.of(history.get(0).path("percentage").asInt(),
                history.get(1).path("percentage").asInt()));
        JsonNode teamHistory = CaseEventStream.JSON.readTree(Ratings.body("/inspections/" + id + "/history", "lena"))
                .path("2.2.1");
        assertTrue(teamHistory.size() >= 3, "the team sees every move: " + teamHistory);

        // published-ratings: one rating.published per version, with its figures.
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.recordsFor(Topics.PUBLISHED_RATINGS.name(), id.toString()).size() == 2);
        List<ConsumerRecord<String, String>> announced = TopicReader.recordsFor(Topics.PUBLISHED_RATINGS.name(),
                id.toString());
        assertEquals(List.of("rating.published", "rating.published"),
                announced.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        announced.forEach(r -> assertValidPublished(r.value()));
        JsonNode a1 = CaseEventStream.JSON.readTree(announced.get(0).value());
        JsonNode a2 = CaseEventStream.JSON.readTree(announced.get(1).value());
        assertEquals(List.of(1, 2), List.of(a1.path("publicationVersion").asInt(), a2.path("publicationVersion").asInt()));
        assertEquals(List.of(50, 100), List.of(keyQuestion(a1, "2.2.1").path("percentage").asInt(),
                keyQuestion(a2, "2.2.1").path("percentage").asInt()));
        assertEquals(90.5, keyQuestion(a1, "2.2.1").path("interval").path("high").asDouble());
        assertTrue(Ratings.standard(a2, "2.2").path("changesToMove").path("up").isNull(), "top band: nothing above");
    }

    @Test
    void anEmbargoHoldsUntilItsTimeAndACancelledVersionNeverAppears() throws Exception {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String ratings = "/inspections/" + id + "/ratings";
        CaseEventStream stream = new CaseEventStream(id).opened("Embargo PDU", REGION, "Embargo", "lena")
                .teamMember("lena", "LEAD").caseRegistered("E-1", "COMMUNITY", false, "MALE", "WHITE", "LOW")
                .answer("E-1", "2.2.1", "YES", null, 1);
        CaseEventStream unpublished = new CaseEventStream(other).opened("Quiet PDU", REGION, "Quiet", "lena")
                .teamMember("lena", "LEAD").caseRegistered("Q-1", "COMMUNITY", false, "MALE", "WHITE", "LOW");

        // Scheduled far ahead, then cancelled: never visible, never announced.
        stream.published("lena", 1, Instant.now().plus(Duration.ofDays(1))).send();
        Ratings.await(id, "lena", r -> r.path("status").asText().equals("SCHEDULED"));
        stream.reopened("lena", 0, 1).send();
        Ratings.await(id, "lena", r -> r.path("status").asText().equals("OPEN"));

        Instant at = Instant.now().plusSeconds(3);
        stream.published("lena", 2, at).send();
        Ratings.await(id, "lena", r -> r.path("status").asText().equals("SCHEDULED"));
        // Meanwhile the other, unpublished inspection changes: nothing of it may reach published-ratings.
        unpublished.answer("Q-1", "2.2.1", "NO", null, 1).answer("Q-1", "2.2.2", "YES", null, 1).send();
        Ratings.await(other, "lena", r -> keyQuestion(r, "2.2.2").path("percentage").asInt(-1) == 100);
        assertEquals(404, viewerStatus(ratings));
        assertEquals(List.of(), TopicReader.recordsFor(Topics.PUBLISHED_RATINGS.name(), id.toString()));

        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> viewerStatus(ratings) == 200);
        assertFalse(Instant.now().isBefore(at), "visible only once the embargo lifted");
        assertEquals(2, asViewer(ratings).path("publicationVersion").asInt());
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> TopicReader.recordsFor(Topics.PUBLISHED_RATINGS.name(), id.toString()).size() == 1);
        JsonNode announced = CaseEventStream.JSON.readTree(
                TopicReader.recordsFor(Topics.PUBLISHED_RATINGS.name(), id.toString()).get(0).value());
        assertEquals(2, announced.path("publicationVersion").asInt());
        assertEquals(List.of(), TopicReader.recordsFor(Topics.PUBLISHED_RATINGS.name(), other.toString()));
        assertEquals(404, viewerStatus("/inspections/" + other + "/ratings"));
        JsonNode live = Ratings.get(id, "lena");
        assertEquals("PUBLISHED", live.path("status").asText(), "SCHEDULED became PUBLISHED by itself");
    }

    @Test
    void viewersGetSmallGroupsWithheldAndTheTeamSeesEveryFigure() throws Exception {
        UUID id = UUID.randomUUID();
        // Ethnicity: 1 ASIAN, 6 BLACK, 30 WHITE; every case answers 2.2.1 (ASIAN: YES, the rest alternate).
        CaseEventStream stream = new CaseEventStream(id).opened("Small PDU", REGION, "Small", "lena")
                .teamMember("lena", "LEAD");
        String[] groups = new String[37];
        for (int i = 0; i < 37; i++) {
            groups[i] = i == 0 ? "ASIAN" : i <= 6 ? "BLACK" : "WHITE";
            String ref = "S-" + i;
            stream.caseRegistered(ref, "COMMUNITY", false, "MALE", groups[i], "LOW")
                    .answer(ref, "2.2.1", i == 0 || i % 2 == 0 ? "YES" : "NO", null, 1);
        }
        stream.send().published("lena", 1, Instant.now()).send();
        String questions = "/inspections/" + id + "/questions";
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> viewerStatus(questions) == 200);

        JsonNode asian = Ratings.byId(asViewer(questions + "?ethnicity=ASIAN")).get("2.2.1");
        JsonNode black = Ratings.byId(asViewer(questions + "?ethnicity=BLACK")).get("2.2.1");
        JsonNode white = Ratings.byId(asViewer(questions + "?ethnicity=WHITE")).get("2.2.1");
        JsonNode all = Ratings.byId(asViewer(questions)).get("2.2.1");
        assertTrue(asian.path("suppressed").asBoolean(), asian.toString());
        for (String field : List.of("yes", "no", "notApplicable", "relevant", "percentage")) {
            assertTrue(asian.path(field).isMissingNode() || asian.path(field).isNull(), "no " + field + ": " + asian);
        }
        // Complementary: with BLACK shown, ASIAN would be all minus BLACK minus WHITE.
        assertTrue(black.path("suppressed").asBoolean(), black.toString());
        assertFalse(white.path("suppressed").asBoolean(), white.toString());
        assertEquals(30, white.path("relevant").asInt());
        assertEquals(37, all.path("relevant").asInt());
        int recoverable = all.path("yes").asInt() - white.path("yes").asInt();
        assertEquals(4, recoverable, "what subtraction gives is ASIAN and BLACK together (1 + 3), not ASIAN alone");

        // The report's and the workbook's cohort sections obey the same rule; the team sees every figure.
        JsonNode teamAsian = Ratings.byId(Ratings.questions(id, "lena", "?ethnicity=ASIAN")).get("2.2.1");
        assertEquals(List.of(1, 1, 100), List.of(teamAsian.path("yes").asInt(), teamAsian.path("relevant").asInt(),
                teamAsian.path("percentage").asInt()));
        assertFalse(teamAsian.has("suppressed"));
    }

    /** docs/events/published-ratings/rating.published.schema.json, the contract outside dashboards read. */
    static void assertValidPublished(String data) {
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(
                "../docs/events/published-ratings/rating.published.schema.json"))) {
            var schema = com.networknt.schema.JsonSchemaFactory
                    .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(in);
            var problems = schema.validate(CaseEventStream.JSON.readTree(data));
            assertTrue(problems.isEmpty(), "rating.published breaks its schema: " + problems + "\n" + data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode find(JsonNode rows, UUID id) {
        for (JsonNode row : rows) {
            if (row.path("id").asText().equals(id.toString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + id + " in " + rows);
    }
}
