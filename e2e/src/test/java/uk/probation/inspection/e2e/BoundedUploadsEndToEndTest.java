package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import uk.probation.inspection.infra.run.LocalSystem;
import uk.probation.inspection.infra.test.GoldenData;

/**
 * Hostile uploads within the body limits against the packaged services, which run with
 * {@link LocalSystem#SERVICE_JVM_OPTIONS} (-Xmx128m): five rounds of 4 MB bodies of empty objects and of bad CSV rows
 * to case-service's cases and answers, and of 2 MB ones to feedback-service's survey responses. Each gets a bounded
 * 422, and afterwards each service is alive, has logged no OutOfMemoryError and still answers a good request.
 * (Before the error lists were bounded, one such body meant millions of objects: far more than the heap.)
 */
@Order(3)
class BoundedUploadsEndToEndTest {

    private static final int ROUNDS = 5;

    private final String cases = RunningSystem.url("case-service");
    private final String feedback = RunningSystem.url("feedback-service");
    private final String lead = RunningSystem.token("hostile-lead", "lead-inspector");
    private final String ingest = RunningSystem.token("hostile-ingest", "survey-ingest");

    @Test
    void hostileUploadsGetBoundedAnswersAndTheServicesStayUp() throws Exception {
        String id = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("name", "Hostile PDU", "region", "London", "pdu", "Hostile", "frameworkId",
                        "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05", "sampleFrom", "2022-01-24",
                        "sampleTo", "2022-02-25"))
                .post(cases + "/inspections").then().statusCode(201).extract().path("id");
        String base = cases + "/inspections/" + id;
        String caseHeader = "case_ref,cohort,sentence_type,young_adult,gender,ethnicity,rosh_level,start_date\n";
        List<String> survey = Files.readAllLines(GoldenData.newham("user-voice.csv"), StandardCharsets.UTF_8);
        String surveyHeader = survey.get(0) + "\n";
        String responses = feedback + "/inspections/" + id + "/surveys/user-voice-2022/responses";
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(lead)
                .get(feedback + "/inspections/" + id + "/feedback").statusCode() == 200);

        // A service's log is appended to across runs of the system: only what this test adds is looked at.
        Map<String, Long> logStart = new java.util.HashMap<>();
        for (String service : List.of("case-service", "feedback-service")) {
            logStart.put(service, Files.size(log(service)));
        }
        int fourMb = 4 * 1024 * 1024 - 64;
        int twoMb = 2 * 1024 * 1024 - 64;
        for (int round = 0; round < ROUNDS; round++) {
            assertBounded(post(lead, base + "/cases", "application/json", repeated(fourMb, "[", "{}", ",", "]")));
            assertBounded(post(lead, base + "/cases", "text/csv", repeated(fourMb, caseHeader, "x,x,x,x,x,x,x,x", "\n", "\n")));
            assertBounded(post(lead, base + "/answers", "application/json", repeated(fourMb, "[", "{}", ",", "]")));
            assertBounded(post(lead, base + "/answers", "text/csv",
                    repeated(fourMb, "case_ref,question_id,answer\n", "x,x,x", "\n", "\n")));
            assertBounded(post(ingest, responses, "application/json", repeated(twoMb, "[", "{}", ",", "]")));
            assertBounded(post(ingest, responses, "text/csv; charset=UTF-8",
                    repeated(twoMb, surveyHeader, "x" + ",x".repeat(survey.get(0).split(",").length - 1), "\n", "\n")));
        }

        for (String service : List.of("case-service", "feedback-service")) {
            given().get(RunningSystem.managementUrl(service) + "/q/health/live").then().statusCode(200);
            System.out.printf("%s after %d rounds: heap used %.1f MB%n", service, ROUNDS, heapUsed(service) / 1e6);
            String log = Files.readString(log(service));
            assertFalse(log.substring((int) Math.min(log.length(), logStart.get(service))).contains("OutOfMemoryError"),
                    service + " ran out of heap");
        }
        // Still answering good requests, and nothing of the refused ones was stored.
        given().auth().oauth2(lead).contentType("text/csv").body(caseHeader
                + "NEW-001,COMMUNITY,COMMUNITY_ORDER,false,MALE,White,LOW,2022-01-24\n").post(base + "/cases").then()
                .statusCode(201).body("registered", equalTo(1));
        given().auth().oauth2(lead).get(base + "/cases").then().statusCode(200).body("caseRef", equalTo(List.of("NEW-001")));
        given().auth().oauth2(ingest).contentType("text/csv; charset=UTF-8")
                .body(surveyHeader + "H-1" + survey.get(1).substring(survey.get(1).indexOf(',')) + "\n")
                .post(responses).then().statusCode(200).body("accepted", equalTo(1));
        assertEquals(1, given().auth().oauth2(lead).get(feedback + "/inspections/" + id + "/feedback").then()
                .statusCode(200).extract().jsonPath().getInt("respondents"));
    }

    private static Path log(String service) {
        return Path.of("target", "e2e-run", service + ".log");
    }

    /** The service's heap in use now, from its Prometheus metrics (Micrometer's jvm_memory_used_bytes, area heap). */
    private static double heapUsed(String service) {
        return given().get(RunningSystem.managementUrl(service) + "/q/metrics").asString().lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Response post(String token, String url, String contentType, byte[] body) {
        return given().auth().oauth2(token).contentType(contentType).body(body).post(url);
    }

    private static void assertBounded(Response response) {
        response.then().statusCode(422).contentType("application/problem+json")
                .body("errors.size()", equalTo(100)).body("truncated", equalTo(true));
        assertTrue(response.jsonPath().getInt("errorCount") >= 100);
    }

    private static byte[] repeated(int size, String start, String item, String separator, String end) {
        StringBuilder text = new StringBuilder(size).append(start).append(item);
        while (text.length() + separator.length() + item.length() + end.length() <= size) {
            text.append(separator).append(item);
        }
        return text.append(end).toString().getBytes(StandardCharsets.UTF_8);
    }
}
