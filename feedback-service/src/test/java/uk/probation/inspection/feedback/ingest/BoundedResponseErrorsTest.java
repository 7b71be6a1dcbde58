package uk.probation.inspection.feedback.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import uk.probation.inspection.feedback.CaseEvents;
import uk.probation.inspection.feedback.Surveys;

/**
 * A survey body within the 2 MB limit that is full of bad rows gets a bounded answer: the first 100 problems,
 * their count and {@code truncated}; nothing is stored. (Every `{}` of such a body used to give a problem per
 * template column: millions of error objects, more than the service's 128 MB heap.)
 */
@QuarkusTest
class BoundedResponseErrorsTest {

    /** Just under pip.feedback.max-body=2M. */
    static final int BODY = 2 * 1024 * 1024 - 64;

    @Test
    void twoMegabytesOfEmptyObjectsOrBadRowsGetTheFirstHundredProblems() throws Exception {
        String id = CaseEvents.open("london", "lena");
        String token = Surveys.lead("lena");
        String ingest = Surveys.ingest();
        Surveys.postCsv(id, ingest, Surveys.goldenCsv()).then().statusCode(200);
        JsonNode before = Surveys.feedback(id, token);

        assertBounded(Surveys.post(id, ingest, "application/json", repeated("[", "{}", ",", "]")), "[0].");
        String csv = Surveys.goldenCsv();
        String header = csv.substring(0, csv.indexOf('\n') + 1);
        String badRow = "x" + ",x".repeat(header.split(",").length - 1);
        assertBounded(Surveys.post(id, ingest, Surveys.CSV_UTF8, repeated(header, badRow, "\n", "\n")), "");

        assertEquals(before, Surveys.feedback(id, token), "nothing was stored");
    }

    @Test
    void moreRespondentsThanOneRequestMayCarryAre413NamingTheLimit() {
        String id = CaseEvents.open("london", "lena");
        String csv = Surveys.goldenCsv();
        String header = csv.substring(0, csv.indexOf('\n') + 1);
        String first = csv.substring(header.length(), csv.indexOf('\n', header.length()));
        String rest = first.substring(first.indexOf(','));
        StringBuilder body = new StringBuilder(header);
        for (int i = 1; i <= 5_001; i++) {
            body.append(String.format("BIG-%05d", i)).append(rest).append('\n');
        }
        Surveys.postCsv(id, Surveys.ingest(), body.toString()).then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("More than 5,000 respondents in one request; the limit is 5,000"));
        Surveys.postCsv(id, Surveys.ingest(), header + first + "\n").then().statusCode(200)
                .body("accepted", equalTo(1)).body("replaced", equalTo(0));
    }

    private static void assertBounded(Response response, String fieldPrefix) {
        response.then().statusCode(422).contentType("application/problem+json")
                .body("errors.size()", equalTo(100))
                .body("errors[0].field", org.hamcrest.Matchers.startsWith(fieldPrefix))
                .body("errorCount", greaterThanOrEqualTo(100))
                .body("truncated", equalTo(true))
                .body("detail", containsString("nothing was stored (the first 100 are listed"));
        assertTrue(response.asByteArray().length < 32 * 1024, "a small answer: " + response.asByteArray().length);
    }

    static byte[] repeated(String start, String item, String separator, String end) {
        StringBuilder text = new StringBuilder(BODY).append(start).append(item);
        while (text.length() + separator.length() + item.length() + end.length() <= BODY) {
            text.append(separator).append(item);
        }
        byte[] body = text.append(end).toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length > 2_000_000 && body.length <= 2 * 1024 * 1024, body.length + " bytes");
        return body;
    }
}
