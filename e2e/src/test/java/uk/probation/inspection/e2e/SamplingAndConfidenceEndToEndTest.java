package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 20 through the packaged services on the real broker: the lead draws the sample of docs/sampling.md and
 * accepts it (case-service registers the twelve cases, rating-service hears of them), the team answers, the team
 * reads how sure each rating is, and after publication viewers read the same confidence figures.
 */
@Order(4)
class SamplingAndConfidenceEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "Wessex";

    private final String cases = RunningSystem.url("case-service");
    private final String ratings = RunningSystem.url("rating-service");
    private final String lead = RunningSystem.token("lena", "lead-inspector");
    private final String viewer = RunningSystem.token("vic", "viewer", REGION);

    private RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void theSampleIsDrawnAcceptedAnsweredAndItsRatingsSayHowSureTheyAre() throws Exception {
        JsonNode example = JSON.readTree(Files.readString(Path.of("../docs/sampling-example.json")));
        String[] sample = JSON.convertValue(example.path("expected").path("sample"), String[].class);
        String id = as(lead).contentType(ContentType.JSON)
                .body(Map.of("name", "Sampled PDU", "region", REGION, "pdu", "Sampled", "frameworkId",
                        "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05", "sampleFrom", "2022-01-24",
                        "sampleTo", "2022-02-25"))
                .post(cases + "/inspections").then().statusCode(201).extract().path("id");
        String base = cases + "/inspections/" + id;

        String proposal = as(lead).contentType(ContentType.JSON).body(example.path("request").toString())
                .post(base + "/sampling").then().statusCode(200).body("sample", contains(sample))
                .extract().path("proposalId");
        as(lead).post(base + "/sampling/" + proposal + "/accept").then().statusCode(200)
                .body("registered", equalTo(12));

        // Every key question answered: 2.1.1 not applicable, 2.2.1 Yes in 8 of 12, everything else Yes.
        JsonNode framework = JSON.readTree(as(lead).get(cases + "/frameworks/hmip-probation-pdu-2021").asString());
        StringBuilder answers = new StringBuilder("case_ref,question_id,answer\n");
        for (int c = 0; c < sample.length; c++) {
            for (JsonNode domain : framework.path("domains")) {
                for (JsonNode standard : domain.path("standards")) {
                    for (JsonNode question : standard.path("keyQuestions")) {
                        String q = question.path("id").asText();
                        String answer = q.equals("2.1.1") ? "NOT_APPLICABLE" : q.equals("2.2.1") && c >= 8 ? "NO" : "YES";
                        answers.append(sample[c]).append(',').append(q).append(',').append(answer).append('\n');
                    }
                }
            }
        }
        as(lead).contentType("text/csv; charset=UTF-8").body(answers.toString()).post(base + "/answers").then()
                .statusCode(200);

        // The team: 2.2 is Good on 8/12 = 67%, but its interval 39.1–86.2% reaches Inadequate and Outstanding.
        await().atMost(Duration.ofSeconds(30)).until(() -> standard(team(id), "2.2").path("rating").asText().equals("GOOD")
                && keyQuestion(team(id), "2.2.1").path("yes").asInt() == 8);
        JsonNode live = team(id);
        assertConfidence(live);

        for (String judgement : List.of("1.1", "1.2", "1.3", "1.4")) {
            as(lead).contentType(ContentType.JSON).body(Map.of("rating", "GOOD", "rationale", "Seen in fieldwork."))
                    .put(base + "/judgements/" + judgement).then().statusCode(200);
        }
        as(lead).post(base + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> as(viewer).get(ratings + "/inspections/" + id + "/ratings")
                .statusCode() == 200);
        JsonNode published = JSON.readTree(as(viewer).get(ratings + "/inspections/" + id + "/ratings").asString());
        assertFalse(published.path("provisional").asBoolean(true));
        assertConfidence(published);
        // an accepted sample cannot be accepted again, and a published inspection takes no new proposal
        as(lead).post(base + "/sampling/" + proposal + "/accept").then().statusCode(409);
        as(lead).contentType(ContentType.JSON).body(example.path("request").toString()).post(base + "/sampling")
                .then().statusCode(409);
    }

    private static void assertConfidence(JsonNode ratings) {
        JsonNode assessment = standard(ratings, "2.2");
        JsonNode q = keyQuestion(ratings, "2.2.1");
        assertEquals(39.1, q.path("interval").path("low").asDouble(), ratings.toString());
        assertEquals(86.2, q.path("interval").path("high").asDouble());
        assertFalse(assessment.path("settled").asBoolean(true));
        assertEquals(2, assessment.path("changesToMove").path("up").asInt(), "10/12 = 83%: Outstanding");
        assertEquals(1, assessment.path("changesToMove").path("down").asInt(), "7/12 = 58%: Requires improvement");
        JsonNode planning = standard(ratings, "2.3"); // 12/12 on each: interval 75.8–100%, and 76% is Good
        assertFalse(planning.path("settled").asBoolean(true));
        assertEquals(true, planning.path("changesToMove").path("up").isNull());
        assertFalse(standard(ratings, "2.1").has("settled"), "no relevant case: nothing to be sure of");
    }

    private JsonNode team(String id) throws Exception {
        return JSON.readTree(as(lead).get(ratings + "/inspections/" + id + "/ratings").then().statusCode(200).extract()
                .asString());
    }

    private static JsonNode standard(JsonNode ratings, String id) {
        for (JsonNode s : ratings.path("standards")) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no standard " + id);
    }

    private static JsonNode keyQuestion(JsonNode ratings, String id) {
        for (JsonNode q : standard(ratings, id.substring(0, 3)).path("keyQuestions")) {
            if (q.path("id").asText().equals(id)) {
                return q;
            }
        }
        throw new AssertionError("no key question " + id);
    }
}
