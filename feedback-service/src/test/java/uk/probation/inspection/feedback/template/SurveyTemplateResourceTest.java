package uk.probation.inspection.feedback.template;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.feedback.CaseEvents;
import uk.probation.inspection.feedback.Surveys;
import uk.probation.inspection.infra.test.TestTokens;

/** Templates over HTTP: the built-in one, registering another, and using it for ingest and summary. */
@QuarkusTest
class SurveyTemplateResourceTest {

    private static final String ADMIN = TestTokens.token("ada", "admin");

    @Test
    void builtInTemplateIsReadableByAllowedRolesOnly() {
        for (String role : List.of("admin", "lead-inspector", "inspector", "survey-ingest")) {
            given().auth().oauth2(TestTokens.token("u", role)).get("/survey-templates").then().statusCode(200)
                    .body("id", hasItem("user-voice-2022"));
        }
        given().auth().oauth2(TestTokens.token("v", "viewer")).get("/survey-templates").then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/survey-templates/user-voice-2022").then().statusCode(200)
                .body("questions.size()", equalTo(10))
                .body("questions.find { it.id == 'helped_by_probation' }.when.question", equalTo("needed_support"))
                .body("questions.find { it.id == 'say_in_how_run' }.channels", equalTo(List.of("INTERVIEW")))
                .body("questions.find { it.id == 'issues' }.options", hasItem("NONE"))
                .body("demographics.find { it.id == 'ethnicity' }.total.name", equalTo("minorityEthnic"));
        given().auth().oauth2(ADMIN).get("/survey-templates/nope").then().statusCode(404);
    }

    @Test
    void adminRegistersAValidatedTemplateThatIngestAndSummaryThenUse() {
        String id = "exit-" + UUID.randomUUID().toString().substring(0, 8);
        String template = """
                {"id": "%s", "title": "Exit interview",
                 "channels": ["SURVEY"],
                 "demographics": [{"id": "gender", "values": ["MALE", "FEMALE"]}],
                 "questions": [
                   {"id": "felt_heard", "type": "YES_NO", "text": "Did you feel heard?"},
                   {"id": "contact", "type": "SINGLE_CHOICE", "text": "How were you contacted?",
                    "options": ["PHONE", "VISIT", "LETTER"]},
                   {"id": "why", "type": "FREE_TEXT", "text": "Why?", "when": {"question": "felt_heard", "answer": "NO"}}
                 ]}""".formatted(id);
        given().auth().oauth2(TestTokens.token("lena", "lead-inspector")).contentType("application/json")
                .body(template).post("/survey-templates").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType("application/json").body(template).post("/survey-templates")
                .then().statusCode(201).header("Location", containsString("/survey-templates/" + id));
        given().auth().oauth2(ADMIN).contentType("application/json").body(template).post("/survey-templates")
                .then().statusCode(409);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(template.replace(id, "user-voice-2022")).post("/survey-templates").then().statusCode(409);
        given().auth().oauth2(TestTokens.token("i", "inspector")).get("/survey-templates/" + id).then()
                .statusCode(200).body("questions[1].options", equalTo(List.of("PHONE", "VISIT", "LETTER")));

        String inspection = CaseEvents.open("wales", "lena");
        String csv = "respondent_id,channel,gender,felt_heard,contact,why\n"
                + "E-1,SURVEY,MALE,YES,PHONE,\nE-2,SURVEY,FEMALE,NO,VISIT,Nobody called back\nE-3,SURVEY,,,,\n";
        given().auth().oauth2(TestTokens.token("uv", "survey-ingest")).contentType(Surveys.CSV_UTF8).body(csv)
                .post("/inspections/{id}/surveys/{t}/responses", inspection, id).then().statusCode(200)
                .body("accepted", equalTo(3));
        given().auth().oauth2(TestTokens.token("uv", "survey-ingest")).contentType(Surveys.CSV_UTF8)
                .body(csv.replace("E-1,SURVEY,MALE,YES,PHONE,", "E-1,SURVEY,MALE,YES,EMAIL,Great"))
                .post("/inspections/{id}/surveys/{t}/responses", inspection, id).then().statusCode(422)
                .body("errors.size()", equalTo(2))
                .body("errors[0].field", equalTo("contact")).body("errors[1].field", equalTo("why"));
        JsonNode summary = Surveys.feedback(inspection, Surveys.lead("lena"), "?template=" + id);
        org.junit.jupiter.api.Assertions.assertEquals(3, summary.get("respondents").asInt());
        org.junit.jupiter.api.Assertions.assertEquals("{\"yes\":1,\"answered\":2}",
                summary.at("/questions/felt_heard").toString());
        org.junit.jupiter.api.Assertions.assertEquals("{\"selected\":1,\"answered\":2}",
                summary.at("/options/contact.VISIT").toString());
        given().auth().oauth2(Surveys.lead("lena")).get("/inspections/{id}/feedback/comments?template=" + id, inspection)
                .then().statusCode(200).body("comments[0].text", equalTo("Nobody called back"));
        given().auth().oauth2(Surveys.lead("lena")).get("/inspections/{id}/feedback?template=nope", inspection)
                .then().statusCode(404);
    }

    @Test
    void invalidTemplateIs422NamingEveryProblem() {
        String bad = """
                {"id": "Bad Id", "title": "", "channels": [], "demographics": [],
                 "questions": [
                   {"id": "q1", "type": "RATING", "text": "?"},
                   {"id": "q1", "type": "MULTI_CHOICE", "text": "?", "options": []},
                   {"id": "q3", "type": "YES_NO", "text": "?", "when": {"question": "q4", "answer": "YES"}},
                   {"id": "q4", "type": "YES_NO", "text": "?"}
                 ]}""";
        given().auth().oauth2(ADMIN).contentType("application/json").body(bad).post("/survey-templates").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.size()", greaterThanOrEqualTo(7))
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("channels"))
                .body("errors.field", hasItem("questions[0].type"))
                .body("errors.field", hasItem("questions[1].id"))
                .body("errors.field", hasItem("questions[1].options"))
                .body("errors.field", hasItem("questions[2].when.question"));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"id\":\"x1\",\"titel\":\"typo\"}")
                .post("/survey-templates").then().statusCode(400).body("detail", containsString("titel"));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{").post("/survey-templates").then()
                .statusCode(400);
    }
}
