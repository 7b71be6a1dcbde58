package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import uk.probation.inspection.cases.support.Api;

/**
 * A body within the 4 MB limit that is full of bad items gets a bounded answer: the first 100 problems, their
 * count and {@code truncated}, in a small problem document; nothing is stored. (Listing every problem of such a
 * body meant millions of error objects: more than the services' 128 MB heap.)
 */
@QuarkusTest
class BoundedErrorsTest {

    static final String PROBLEM = "application/problem+json";
    /** Just under case-service's body limit (quarkus.http.limits.max-body-size=4M). */
    static final int BODY = 4 * 1024 * 1024 - 64;

    @Test
    void fourMegabytesOfEmptyCaseObjectsGetTheFirstHundredProblems() {
        String id = Api.openInspection("lena", "Empty objects PDU", "London");
        Response response = post(id, "/cases", "application/json", repeated("[", "{}", ",", "]"));
        assertBounded(response, "No case was registered", "[0].caseRef");
        Api.lead("lena").get("/inspections/" + id + "/cases").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void fourMegabytesOfBadCaseRowsGetTheFirstHundredProblems() {
        String id = Api.openInspection("lena", "Bad case rows PDU", "London");
        String header = "case_ref,cohort,sentence_type,young_adult,gender,ethnicity,rosh_level,start_date\n";
        Response response = post(id, "/cases", "text/csv", repeated(header, "x,x,x,x,x,x,x,x", "\n", "\n"));
        assertBounded(response, "No case was registered", "case_ref");
        response.then().body("errors[0].line", equalTo(2));
        Api.lead("lena").get("/inspections/" + id + "/cases").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void fourMegabytesOfEmptyAnswerObjectsOrBadAnswerRowsGetTheFirstHundredProblems() {
        String id = Api.openInspection("lena", "Bad answers PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        assertBounded(post(id, "/answers", "application/json", repeated("[", "{}", ",", "]")),
                "No answer was recorded", "[0].caseRef");
        assertBounded(post(id, "/answers", "text/csv", repeated("case_ref,question_id,answer\n", "x,x,x", "\n", "\n")),
                "No answer was recorded", "case_ref");
        Api.lead("lena").get("/inspections/" + id + "/cases/NEW-001").then().statusCode(200).body("answers", hasSize(0));
    }

    /** Few problems: every one listed, the count exact, nothing truncated, the detail as before. */
    @Test
    void aFewProblemsAreAllListedWithTheirCount() {
        String id = Api.openInspection("lena", "Few problems PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        Api.lead("lena").contentType("text/csv").body("case_ref,question_id,answer\nNEW-001,2.2.1,MAYBE\nNEW-404,2.2.1,YES\n")
                .post("/inspections/" + id + "/answers").then().statusCode(422).contentType(PROBLEM)
                .body("errors", hasSize(2)).body("errorCount", equalTo(2)).body("truncated", equalTo(false))
                .body("detail", equalTo("No answer was recorded: 2 problem(s)"));
    }

    @Test
    void moreCasesThanOneRequestMayCarryAre413NamingTheLimit() {
        String id = Api.openInspection("lena", "Many cases PDU", "London");
        StringBuilder csv = new StringBuilder("case_ref,cohort,sentence_type,young_adult,gender,ethnicity,rosh_level,start_date\n");
        for (int i = 1; i <= 1_001; i++) {
            csv.append(String.format("NEW-%05d,COMMUNITY,COMMUNITY_ORDER,false,MALE,White,LOW,2022-01-24%n", i));
        }
        Api.lead("lena").contentType("text/csv").body(csv.toString()).post("/inspections/" + id + "/cases").then()
                .statusCode(413).contentType(PROBLEM).body("status", equalTo(413))
                .body("detail", containsString("More than 1,000 cases in one request; the limit is 1,000"));
        Api.lead("lena").get("/inspections/" + id + "/cases").then().statusCode(200).body("$", hasSize(0));
    }

    private static Response post(String id, String path, String contentType, byte[] body) {
        assertTrue(body.length > 4_000_000 && body.length <= 4 * 1024 * 1024, "body of " + body.length + " bytes");
        return Api.lead("lena").contentType(contentType).body(body).post("/inspections/" + id + path);
    }

    /** {@code start}, then {@code item} separated by {@code separator} until the body is nearly 4 MB, then {@code end}. */
    static byte[] repeated(String start, String item, String separator, String end) {
        StringBuilder text = new StringBuilder(BODY).append(start).append(item);
        while (text.length() + separator.length() + item.length() + end.length() <= BODY) {
            text.append(separator).append(item);
        }
        return text.append(end).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void assertBounded(Response response, String outcome, String firstField) {
        response.then().statusCode(422).contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("title", equalTo("Validation failed"))
                .body("errors", hasSize(100))
                .body("errors[0].field", equalTo(firstField))
                .body("errorCount", greaterThanOrEqualTo(100))
                .body("truncated", equalTo(true))
                .body("detail", containsString(outcome + ": at least "))
                .body("detail", containsString("the first 100 are listed"));
        assertTrue(response.asByteArray().length < 32 * 1024, "a small answer: " + response.asByteArray().length + " bytes");
    }
}
