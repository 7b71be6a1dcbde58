package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import uk.probation.inspection.infra.test.GoldenData;

/**
 * The Newham inspection entered through case-service reaches rating-service and feedback-service over the
 * real broker, and every published figure comes out: the whole system, as packaged, end to end.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewhamEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String cases;
    private static String ratings;
    private static String feedback;
    private static String lead;
    private static String inspectionId;

    @BeforeAll
    static void loadNewhamThroughCaseService() throws IOException {
        cases = RunningSystem.url("case-service");
        ratings = RunningSystem.url("rating-service");
        feedback = RunningSystem.url("feedback-service");
        lead = RunningSystem.token("lena", "lead-inspector");
        inspectionId = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("name", "Newham PDU", "region", "London", "pdu", "Newham",
                        "frameworkId", "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05",
                        "sampleFrom", "2022-01-24", "sampleTo", "2022-02-25"))
                .post(cases + "/inspections").then().statusCode(201).extract().path("id");
        given().auth().oauth2(lead).contentType("text/csv; charset=UTF-8").body(golden("cases.csv"))
                .post(cases + "/inspections/" + inspectionId + "/cases").then().statusCode(201);
        given().auth().oauth2(lead).contentType("text/csv; charset=UTF-8").body(golden("answers.csv"))
                .post(cases + "/inspections/" + inspectionId + "/answers").then().statusCode(200);
        List<String> judgements = Files.readAllLines(GoldenData.newham("judgements.csv"));
        for (String line : judgements.subList(1, judgements.size())) {
            String[] cells = line.split(",");
            given().auth().oauth2(lead).contentType(ContentType.JSON)
                    .body(Map.of("rating", cells[1], "rationale", "As published in the Newham report."))
                    .put(cases + "/inspections/" + inspectionId + "/judgements/" + cells[0]).then().statusCode(200);
        }
    }

    @Test
    @Order(1)
    void ratingServiceReproducesThePublishedRatings() throws IOException {
        JsonNode expected = JSON.readTree(GoldenData.newham("expected-ratings.json").toFile());
        JsonNode actual = awaitRatings(expected.path("overall").path("score").asInt());

        assertEquals(expected.path("overall").path("rating").asText(), actual.path("overall").path("rating").asText());
        assertEquals(expected.path("overall").path("maxScore").asInt(), actual.path("overall").path("maxScore").asInt());
        Map<String, String> standards = new HashMap<>();
        actual.path("standards").forEach(s -> standards.put(s.path("id").asText(), s.path("rating").asText()));
        expected.path("standards").fields().forEachRemaining(e -> assertEquals(e.getValue().asText(),
                standards.get(e.getKey()), "standard " + e.getKey()));

        Map<String, JsonNode> questions = byId(given().auth().oauth2(lead)
                .get(ratings + "/inspections/" + inspectionId + "/questions").then().statusCode(200).extract().asString());
        expected.path("questions").fields().forEachRemaining(e -> {
            JsonNode q = questions.get(e.getKey());
            assertEquals(e.getValue().path("yes").asInt(), q.path("yes").asInt(), e.getKey() + " yes");
            assertEquals(e.getValue().path("relevant").asInt(), q.path("relevant").asInt(), e.getKey() + " relevant");
            assertEquals(e.getValue().path("percentage").asInt(), q.path("percentage").asInt(), e.getKey() + " %");
        });
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("cohorts").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> cohort = it.next();
            Map<String, JsonNode> inCohort = byId(given().auth().oauth2(lead).queryParam("cohort", cohort.getKey())
                    .get(ratings + "/inspections/" + inspectionId + "/questions").then().statusCode(200).extract().asString());
            cohort.getValue().fields().forEachRemaining(e -> {
                JsonNode q = inCohort.get(e.getKey());
                assertEquals(e.getValue().path("yes").asInt(), q.path("yes").asInt(), cohort.getKey() + " " + e.getKey());
                assertEquals(e.getValue().path("relevant").asInt(), q.path("relevant").asInt(), cohort.getKey() + " " + e.getKey());
            });
        }
    }

    @Test
    @Order(2)
    void feedbackServiceReproducesThePublishedUserVoiceFigures() throws IOException {
        String csv = golden("user-voice.csv");
        // feedback-service learns of the inspection from case-events: it may take a moment.
        // Survey responses come from User Voice's system (survey-ingest), never from the team.
        String ingest = RunningSystem.token("user-voice", "survey-ingest");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> given().auth().oauth2(ingest)
                .contentType("text/csv; charset=UTF-8").body(csv)
                .post(feedback + "/inspections/" + inspectionId + "/surveys/user-voice-2022/responses").statusCode() == 200);
        JsonNode actual = JSON.readTree(given().auth().oauth2(lead)
                .get(feedback + "/inspections/" + inspectionId + "/feedback").then().statusCode(200).extract().asString());
        JsonNode expected = JSON.readTree(GoldenData.newham("expected-feedback.json").toFile());
        for (String field : List.of("respondents", "minorityEthnic")) {
            assertEquals(expected.path(field).asInt(), actual.path(field).asInt(), field);
        }
        for (String group : List.of("channels", "gender", "ethnicity", "questions", "options")) {
            expected.path(group).fields().forEachRemaining(e ->
                    assertEquals(e.getValue(), actual.path(group).path(e.getKey()), group + "." + e.getKey()));
        }
    }

    @Test
    @Order(3)
    void everyWriteLeavesAnAuditLine() throws IOException {
        List<String> audit = Files.readAllLines(java.nio.file.Path.of("target", "e2e-run", "case-service.log")).stream()
                .filter(line -> line.contains("who=sub:lena name=\"lena\"") && line.contains("inspection=" + inspectionId)).toList();
        for (String what : List.of("POST inspections/" + inspectionId + "/cases", "POST inspections/" + inspectionId + "/answers",
                "PUT inspections/" + inspectionId + "/judgements/1.1")) {
            String[] methodAndPath = what.split(" ");
            assertTrue(audit.stream().anyMatch(line -> line.contains(methodAndPath[0] + " ")
                    && line.contains(methodAndPath[1]) && line.contains("status=2")), "audit line for " + what + " in " + audit);
        }
    }

    @Test
    @Order(4)
    void changingOneAnswerMovesTheCountsBothWays() {
        String caseRef = "NEW-003";
        String before = given().auth().oauth2(lead)
                .get(cases + "/inspections/" + inspectionId + "/cases/" + caseRef).then().statusCode(200).extract().asString();
        String flipped = before.contains("\"2.2.3\"") && answerOf(before, "2.2.3").equals("YES") ? "NO" : "YES";
        JsonNode question = questionFromRatings("2.2.3");
        int yes = question.path("yes").asInt();
        given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("answer", flipped))
                .put(cases + "/inspections/" + inspectionId + "/cases/" + caseRef + "/answers/2.2.3").then().statusCode(200);
        int expectedYes = flipped.equals("YES") ? yes + 1 : yes - 1;
        await().atMost(Duration.ofSeconds(30)).until(() -> questionFromRatings("2.2.3").path("yes").asInt() == expectedYes);
        assertEquals(33, questionFromRatings("2.2.3").path("relevant").asInt(), "a YES/NO swap keeps the relevant count");
    }

    private static String answerOf(String caseJson, String questionId) {
        try {
            JsonNode node = JSON.readTree(caseJson).path("answers");
            if (node.isArray()) {
                for (JsonNode answer : node) {
                    if (questionId.equals(answer.path("questionId").asText())) {
                        return answer.path("answer").asText();
                    }
                }
            }
            return node.path(questionId).isObject() ? node.path(questionId).path("answer").asText() : node.path(questionId).asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode questionFromRatings(String id) {
        try {
            JsonNode actual = JSON.readTree(given().auth().oauth2(lead)
                    .get(ratings + "/inspections/" + inspectionId + "/ratings").then().extract().asString());
            for (JsonNode standard : actual.path("standards")) {
                for (JsonNode question : standard.path("keyQuestions")) {
                    if (id.equals(question.path("id").asText())) {
                        return question;
                    }
                }
            }
            return JSON.createObjectNode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode awaitRatings(int expectedScore) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode r = JSON.readTree(given().auth().oauth2(lead)
                    .get(ratings + "/inspections/" + inspectionId + "/ratings").then().extract().asString());
            return r.path("overall").path("score").asInt(-1) == expectedScore
                    && r.path("overall").path("maxScore").asInt() == 24
                    && questionRelevant(r, "2.6.1") == 33;
        });
        try {
            return JSON.readTree(given().auth().oauth2(lead)
                    .get(ratings + "/inspections/" + inspectionId + "/ratings").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int questionRelevant(JsonNode ratings, String id) {
        for (JsonNode standard : ratings.path("standards")) {
            for (JsonNode question : standard.path("keyQuestions")) {
                if (id.equals(question.path("id").asText())) {
                    return question.path("relevant").asInt();
                }
            }
        }
        return -1;
    }

    private static Map<String, JsonNode> byId(String jsonArray) throws IOException {
        Map<String, JsonNode> result = new HashMap<>();
        JSON.readTree(jsonArray).forEach(node -> result.put(node.path("id").asText(), node));
        return result;
    }

    private static String golden(String file) throws IOException {
        return Files.readString(GoldenData.newham(file));
    }
}
