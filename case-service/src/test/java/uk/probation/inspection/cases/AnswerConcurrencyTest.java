package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.cases.support.Api;

/**
 * Optimistic concurrency for answers: If-Match or expectedVersion; a stale write is 409 carrying the current answer
 * and changes nothing; without either, writes behave as before.
 */
@QuarkusTest
class AnswerConcurrencyTest {

    private static String answerPath(String id, String question) {
        return "/inspections/" + id + "/cases/NEW-001/answers/" + question;
    }

    private static String teamOfThree() {
        String id = Api.openInspection("lena", "Concurrency PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        for (String member : new String[] { "ivan", "oscar" }) {
            Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                    .put("/inspections/" + id + "/team/" + member).then().statusCode(200);
        }
        return id;
    }

    @Test
    void aStaleIfMatchIsRefusedWithTheOtherPersonsAnswerAndChangesNothing() {
        String id = teamOfThree();
        Api.inspector("ivan").contentType("application/json").body(Map.of("answer", "YES"))
                .put(answerPath(id, "2.2.1")).then().statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1));
        // oscar saw version 1 and changes it: fine
        Api.inspector("oscar").contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("answer", "NO", "note", "No risk assessment on file"))
                .put(answerPath(id, "2.2.1")).then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2));
        // ivan also saw version 1: refused, told what oscar saved
        Api.inspector("ivan").contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("answer", "NOT_APPLICABLE"))
                .put(answerPath(id, "2.2.1")).then().statusCode(409).contentType("application/problem+json")
                .header("ETag", "\"2\"")
                .body("status", equalTo(409))
                .body("expectedVersion", equalTo(1))
                .body("current.answer", equalTo("NO"))
                .body("current.note", equalTo("No risk assessment on file"))
                .body("current.version", equalTo(2))
                .body("current.recordedBy", equalTo("oscar"))
                .body("detail", containsString("oscar"));
        Api.lead("lena").get(answerPath(id, "2.2.1") + "/history").then().statusCode(200)
                .body("size()", equalTo(2)).body("[1].to", equalTo("NO"));
        // having seen version 2, ivan may overwrite it
        Api.inspector("ivan").contentType("application/json").header("If-Match", "W/\"2\"")
                .body(Map.of("answer", "NOT_APPLICABLE"))
                .put(answerPath(id, "2.2.1")).then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void expectedVersionInTheBodyWorksTooAndZeroMeansNoAnswerYet() {
        String id = teamOfThree();
        Api.inspector("ivan").contentType("application/json").body(Map.of("answer", "YES", "expectedVersion", 0))
                .put(answerPath(id, "2.2.2")).then().statusCode(200).body("version", equalTo(1));
        Api.inspector("oscar").contentType("application/json").body(Map.of("answer", "NO", "expectedVersion", 0))
                .put(answerPath(id, "2.2.2")).then().statusCode(409)
                .body("current.answer", equalTo("YES")).body("current.recordedBy", equalTo("ivan"));
        // a stale write that changes nothing is the no-op it always was
        Api.inspector("oscar").contentType("application/json").body(Map.of("answer", "YES", "expectedVersion", 0))
                .put(answerPath(id, "2.2.2")).then().statusCode(200).body("changed", equalTo(false))
                .body("version", equalTo(1));
        // nothing to compare with: today's behaviour, last write wins
        Api.inspector("oscar").contentType("application/json").body(Map.of("answer", "NO"))
                .put(answerPath(id, "2.2.2")).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void unreadableOrContradictoryVersionsAre422NamingThem() {
        String id = teamOfThree();
        Api.inspector("ivan").contentType("application/json").header("If-Match", "\"abc\"")
                .body(Map.of("answer", "YES")).put(answerPath(id, "2.2.3")).then().statusCode(422)
                .body("errors.field", hasItem("If-Match"));
        Api.inspector("ivan").contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("answer", "YES", "expectedVersion", 2)).put(answerPath(id, "2.2.3")).then()
                .statusCode(422).body("errors.field", hasItem("expectedVersion"));
        Api.inspector("ivan").contentType("application/json")
                .body(Map.of("answer", "YES", "expectedVersion", -1)).put(answerPath(id, "2.2.3")).then()
                .statusCode(422).body("errors.field", hasItem("expectedVersion"));
        Api.inspector("ivan").contentType("application/json").header("If-Match", "\"" + "9".repeat(5000) + "\"")
                .body(Map.of("answer", "YES")).put(answerPath(id, "2.2.3")).then().statusCode(422);
        Api.lead("lena").get("/inspections/" + id + "/cases/NEW-001").then().statusCode(200)
                .body("answers.size()", equalTo(0));
    }
}
