package uk.probation.inspection.apiclient;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.client.cases.api.AnswersApi;
import uk.probation.inspection.client.cases.api.CasesApi;
import uk.probation.inspection.client.cases.api.InspectionsApi;
import uk.probation.inspection.client.cases.api.JudgementsApi;
import uk.probation.inspection.client.cases.model.AnswerBody;
import uk.probation.inspection.client.cases.model.AnswerView;
import uk.probation.inspection.client.cases.model.BatchAnswer;
import uk.probation.inspection.client.cases.model.BatchResult;
import uk.probation.inspection.client.cases.model.CasesRegistered;
import uk.probation.inspection.client.cases.model.InspectionView;
import uk.probation.inspection.client.cases.model.JudgementBody;
import uk.probation.inspection.client.cases.model.JudgementView;
import uk.probation.inspection.client.cases.model.NewCase;
import uk.probation.inspection.client.cases.model.NewCases;
import uk.probation.inspection.client.cases.model.OpenInspection;
import uk.probation.inspection.client.cases.model.Problem;
import uk.probation.inspection.client.cases.model.RegisterCasesRequest;
import uk.probation.inspection.client.feedback.api.FeedbackApi;
import uk.probation.inspection.client.feedback.api.SurveyResponsesApi;
import uk.probation.inspection.client.feedback.model.FeedbackFigure;
import uk.probation.inspection.client.feedback.model.FeedbackSummary;
import uk.probation.inspection.client.feedback.model.SurveyIngestOutcome;
import uk.probation.inspection.client.ratings.api.RatingsApi;
import uk.probation.inspection.client.ratings.model.InspectionRatings;
import uk.probation.inspection.client.ratings.model.StandardView;
import uk.probation.inspection.infra.run.LocalSystem;
import uk.probation.inspection.infra.test.GoldenData;

/**
 * What another system would do with nothing but our OpenAPI documents: the Java clients generated from them at build
 * time (openapi-generator, java.net.http + Jackson) open the Newham inspection on the packaged services, register its
 * cases, record its answers and judgements, submit its User Voice survey, read back the published ratings and survey
 * figures, and meet a 422 and a 404 as the documents' Problem type. Only the generated clients talk to the services.
 */
class NewhamThroughGeneratedClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalSystem system;
    private static String inspectionId;
    private static CasesRegistered registered;
    private static BatchResult answers;

    @BeforeAll
    static void openNewhamThroughTheClient() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        system = LocalSystem.start(LocalSystem.Options.isolated(root, Path.of("target", "api-client-run").toAbsolutePath(),
                "apiclient", true));
        var lead = cases("lena", "lead-inspector");

        InspectionView opened = new InspectionsApi(lead).openInspection(new OpenInspection().name("Newham PDU")
                .region("London").pdu("Newham").frameworkId("hmip-probation-pdu-2021").fieldworkStart(LocalDate.parse("2022-09-05"))
                .sampleFrom(LocalDate.parse("2022-01-24")).sampleTo(LocalDate.parse("2022-02-25")));
        inspectionId = opened.getId().toString();

        NewCases sample = new NewCases();
        for (Map<String, String> row : rows("cases.csv")) {
            sample.add(new NewCase().caseRef(row.get("case_ref")).cohort(row.get("cohort"))
                    .sentenceType(row.get("sentence_type")).youngAdult(Boolean.parseBoolean(row.get("young_adult")))
                    .gender(row.get("gender")).ethnicity(row.get("ethnicity")).roshLevel(row.get("rosh_level"))
                    .startDate(LocalDate.parse(row.get("start_date"))));
        }
        registered = new CasesApi(lead).registerCases(inspectionId, new RegisterCasesRequest(sample));

        List<BatchAnswer> batch = rows("answers.csv").stream().map(row -> new BatchAnswer().caseRef(row.get("case_ref"))
                .questionId(row.get("question_id")).answer(BatchAnswer.AnswerEnum.fromValue(row.get("answer")))).toList();
        answers = new AnswersApi(lead).recordAnswers(inspectionId, batch);

        JudgementsApi judgements = new JudgementsApi(lead);
        for (Map<String, String> row : rows("judgements.csv")) {
            JudgementView recorded = judgements.recordJudgement(inspectionId, row.get("standard_id"),
                    new JudgementBody().rating(JudgementBody.RatingEnum.fromValue(row.get("rating"))).rationale("As published in the Newham report."));
            assertEquals(row.get("rating"), recorded.getRating());
        }
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.stop();
        }
    }

    @Test
    void casesAndAnswersAreRegisteredThroughTheClient() throws Exception {
        assertEquals(rows("cases.csv").size(), registered.getRegistered());
        assertEquals(rows("answers.csv").size(), answers.getRecorded());

        // the same answer again is a no-op: changed false
        Map<String, String> first = rows("answers.csv").get(0);
        AnswerView again = new AnswersApi(cases("lena", "lead-inspector")).recordAnswer(first.get("case_ref"), inspectionId,
                first.get("question_id"), new AnswerBody().answer(AnswerBody.AnswerEnum.fromValue(first.get("answer"))), null);
        assertFalse(again.getChanged());
        assertEquals(1, again.getVersion());
    }

    @Test
    void ratingsReadThroughTheClientAreNewhamsPublishedRatings() throws Exception {
        JsonNode expected = JSON.readTree(GoldenData.newham("expected-ratings.json").toFile());
        RatingsApi ratings = new RatingsApi(client(new uk.probation.inspection.client.ratings.ApiClient(),
                "rating-service", "lena", "lead-inspector"));
        // rating-service follows case-events: the figures converge shortly after the writes
        InspectionRatings actual = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> ratings.getInspectionRatings(inspectionId),
                        r -> r.getOverall() != null && r.getOverall().getScore() == expected.path("overall").path("score").asInt());

        assertEquals(expected.path("overall").path("rating").asText(), actual.getOverall().getRating());
        assertEquals(expected.path("overall").path("maxScore").asInt(), actual.getOverall().getMaxScore());
        Map<String, String> standards = new HashMap<>();
        for (StandardView standard : actual.getStandards()) {
            standards.put(standard.getId(), standard.getRating());
        }
        expected.path("standards").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asText(), standards.get(e.getKey()), "standard " + e.getKey()));
    }

    @Test
    void theUserVoiceSurveyGoesInAndItsSummaryComesOutThroughTheClient() throws Exception {
        String csv = Files.readString(GoldenData.newham("user-voice.csv"));
        SurveyResponsesApi ingest = new SurveyResponsesApi(client(new uk.probation.inspection.client.feedback.ApiClient(),
                "feedback-service", "user-voice", "survey-ingest"));
        // feedback-service learns of the inspection from case-events: 404 until it has
        SurveyIngestOutcome outcome = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> ingest.submitSurveyResponses(inspectionId, "user-voice-2022", csv),
                        o -> o != null);
        assertEquals(rows("user-voice.csv").size(), outcome.getAccepted());

        FeedbackSummary summary = new FeedbackApi(client(new uk.probation.inspection.client.feedback.ApiClient(),
                "feedback-service", "lena", "lead-inspector")).getFeedbackSummary(inspectionId, null, null);
        JsonNode expected = JSON.readTree(GoldenData.newham("expected-feedback.json").toFile());
        assertEquals(expected.path("respondents").asInt(), summary.getRespondents());
        expected.path("questions").fields().forEachRemaining(e -> {
            FeedbackFigure figure = summary.getQuestions().get(e.getKey());
            assertNotNull(figure, "question " + e.getKey());
            assertEquals(e.getValue().path("yes").asInt(), figure.getYes(), e.getKey() + " yes");
            assertEquals(e.getValue().path("answered").asInt(), figure.getAnswered(), e.getKey() + " answered");
        });
        // "62 out of 93": the figure the Newham report prints
        assertEquals(62, summary.getQuestions().get("happy_with_support").getYes());
        assertEquals(93, summary.getQuestions().get("happy_with_support").getAnswered());
    }

    @Test
    void aRuleBrokenIsA422ProblemNamingTheField() throws Exception {
        var lead = cases("lena", "lead-inspector");
        uk.probation.inspection.client.cases.ApiException refused = assertThrows(
                uk.probation.inspection.client.cases.ApiException.class,
                // the client's types only send valid answers; a question the framework does not have breaks a rule
                () -> new AnswersApi(lead).recordAnswer("NEW-001", inspectionId, "9.9.9",
                        new AnswerBody().answer(AnswerBody.AnswerEnum.YES), null));
        assertEquals(422, refused.getCode());
        Problem problem = problem(lead, refused);
        assertEquals(422, problem.getStatus());
        assertNotNull(problem.getTitle());
        assertFalse(problem.getErrors().isEmpty(), "the problem lists what is wrong");
        assertTrue(problem.getErrors().stream().anyMatch(e -> e.getField() != null && e.getField().endsWith("questionId")
                && e.getMessage().contains("9.9.9")), "the question is named: " + problem.getErrors());
    }

    @Test
    void anUnknownInspectionIsA404Problem() throws Exception {
        var lead = cases("lena", "lead-inspector");
        uk.probation.inspection.client.cases.ApiException missing = assertThrows(
                uk.probation.inspection.client.cases.ApiException.class,
                () -> new InspectionsApi(lead).getInspection(UUID.randomUUID().toString()));
        assertEquals(404, missing.getCode());
        Problem problem = problem(lead, missing);
        assertEquals(404, problem.getStatus());
        assertTrue(problem.getDetail().startsWith("No inspection"), problem.getDetail());
        assertTrue(problem.getErrors() == null || problem.getErrors().isEmpty());
    }

    /** The error body read as the documents' Problem type, with the generated client's own object mapper. */
    private static Problem problem(uk.probation.inspection.client.cases.ApiClient client,
            uk.probation.inspection.client.cases.ApiException e) throws IOException {
        assertTrue(e.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "problem+json, not " + e.getResponseHeaders().firstValue("Content-Type"));
        return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    private static uk.probation.inspection.client.cases.ApiClient cases(String user, String role) {
        return client(new uk.probation.inspection.client.cases.ApiClient(), "case-service", user, role);
    }

    /** A generated ApiClient pointed at one service, sending a bearer token of {@code role} with every request. */
    private static <C> C client(C client, String service, String user, String role) {
        String base = system.service(service).url();
        String token = system.tokens().token(user, role, "*");
        Consumer<HttpRequest.Builder> bearer = request -> request.header("Authorization", "Bearer " + token);
        if (client instanceof uk.probation.inspection.client.cases.ApiClient c) {
            c.updateBaseUri(base);
            c.setRequestInterceptor(bearer);
        } else if (client instanceof uk.probation.inspection.client.ratings.ApiClient c) {
            c.updateBaseUri(base);
            c.setRequestInterceptor(bearer);
        } else if (client instanceof uk.probation.inspection.client.feedback.ApiClient c) {
            c.updateBaseUri(base);
            c.setRequestInterceptor(bearer);
        }
        return client;
    }

    /** A Newham CSV file as rows keyed by its header (these files have no quoted cells). */
    private static List<Map<String, String>> rows(String file) throws IOException {
        List<String> lines = Files.readAllLines(GoldenData.newham(file));
        String[] header = lines.get(0).split(",", -1);
        return lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank()).map(line -> {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < cells.length ? cells[i] : "");
            }
            return row;
        }).toList();
    }
}
