package uk.probation.inspection.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.CaseEventsReader;
import uk.probation.inspection.cases.support.CaseEventsReader.Event;
import uk.probation.inspection.cases.support.EventSchemas;
import uk.probation.inspection.infra.test.TestTokens;

/**
 * Team membership is keyed on the token's stable sub; the username only finds the row. The opener is bound at
 * once, a member added by name on first use (team.member.bound); a later account of the same name is not on the team.
 */
@QuarkusTest
class IdentityTest {

    private static RequestSpecification as(String username, String subject, String role) {
        return given().auth().oauth2(TestTokens.issuer().sign(Map.of("sub", subject, "preferred_username", username,
                "groups", List.of(role)), Duration.ofMinutes(10)));
    }

    @Test
    void aNameIsNotEnoughOnceItsMemberIsBound() throws Exception {
        String id = Api.openInspection("lena", "Identity PDU", "London"); // lena's token: sub "lena"
        String base = "/inspections/" + id;
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR")).put(base + "/team/ivan")
                .then().statusCode(200);

        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            // ivan's first use binds the name to his sub
            as("ivan", "sub-ivan-1", "inspector").get(base).then().statusCode(200);
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> reader.events().stream().anyMatch(e -> e.type().equals("team.member.bound")));
            Event bound = reader.events().stream().filter(e -> e.type().equals("team.member.bound")).findFirst()
                    .orElseThrow();
            EventSchemas.assertValid(bound.type(), bound.data());
            JsonNode data = new ObjectMapper().readTree(bound.data());
            assertEquals("ivan", data.path("username").asText());
            assertEquals("sub-ivan-1", data.path("subject").asText());
            long boundEvents = reader.events().stream().filter(e -> e.type().equals("team.member.bound")).count();

            as("ivan", "sub-ivan-1", "inspector").contentType("application/json").body(Map.of("answer", "YES"))
                    .put(base + "/cases/NEW-001/answers/2.2.1").then().statusCode(200);
            // another account that calls itself ivan: not on the team, and learns nothing
            as("ivan", "sub-ivan-2", "inspector").get(base).then().statusCode(404);
            as("ivan", "sub-ivan-2", "inspector").contentType("application/json").body(Map.of("answer", "NO"))
                    .put(base + "/cases/NEW-001/answers/2.2.1").then().statusCode(404);
            as("ivan", "sub-ivan-2", "inspector").get("/inspections").then().statusCode(200);
            // the opener was bound when she opened it
            as("lena", "someone-else", "lead-inspector").get(base).then().statusCode(404);
            as("lena", "someone-else", "lead-inspector").delete(base + "/team/ivan").then().statusCode(404);
            Api.lead("lena").get(base).then().statusCode(200);
            Thread.sleep(300);
            assertEquals(boundEvents, reader.events().stream().filter(e -> e.type().equals("team.member.bound")).count(),
                    "bound once");
        }
        Api.lead("lena").get(base + "/cases/NEW-001").then()
                .body("answers.find { it.questionId == '2.2.1' }.recordedBy", org.hamcrest.Matchers.equalTo("ivan"));
    }
}
