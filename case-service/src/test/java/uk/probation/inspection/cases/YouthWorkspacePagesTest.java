package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import uk.probation.inspection.cases.support.Api;

/**
 * The workspace for a youth justice inspection (issue #16): the pages show the children's declared attributes, offer
 * a case only the standards that apply to it (domain 2 to court disposals, domain 3 to out-of-court ones), count its
 * progress over those alone, and filter the list by the framework's breakdown dimension (disposal).
 */
@QuarkusTest
class YouthWorkspacePagesTest {

    private static final String CASES = """
            case_ref,disposal,disposal_type,gender,ethnicity,age_at_start,looked_after,rosh_level,safety_wellbeing_level
            YJW-001,COURT,REFERRAL_ORDER,FEMALE,White,14,true,MEDIUM,HIGH
            YJW-002,OUT_OF_COURT,YOUTH_CAUTION,MALE,Mixed,12,false,LOW,LOW
            """;

    static String youthInspection(String name) {
        String id = Api.lead("lena").contentType("application/json")
                .body(Map.of("name", name, "region", "North West", "pdu", name, "frameworkId", "hmip-youth-justice-2021",
                        "fieldworkStart", "2021-10-04", "sampleFrom", "2021-01-04", "sampleTo", "2021-06-25"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.registerCases("lena", id, CASES);
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                .put("/inspections/" + id + "/team/ivan").then().statusCode(200);
        return id;
    }

    private static String row(String html, String caseRef) {
        return html.split("id=\"case-" + caseRef + "\"")[1].split("</tr>")[0];
    }

    @Test
    void aYouthCasePageShowsItsAttributesAndOnlyTheStandardsThatApply() {
        String id = youthInspection("Youth Workspace Case YOT");
        String page = "/workspace/inspections/" + id;

        String court = Api.inspector("ivan").get(page + "/cases/YJW-001").then().statusCode(200).extract().asString();
        assertTrue(court.contains("Disposal") && court.contains("Court") && court.contains("Referral order"), court);
        assertTrue(court.contains("Looked-after child") && court.contains("Age at start of the disposal"), court);
        assertTrue(court.contains("Safety and wellbeing level"), court);
        for (String q : List.of("2.1.1", "2.1.1a", "2.4.3")) {
            assertTrue(court.contains("action=\"" + page + "/cases/YJW-001/answers/" + q + "\""), q);
        }
        assertFalse(court.contains("/answers/3."), "no out-of-court question on a court case");

        String outOfCourt = Api.inspector("ivan").get(page + "/cases/YJW-002").then().statusCode(200).extract()
                .asString();
        assertTrue(outOfCourt.contains("Out of court") && outOfCourt.contains("Youth caution"), outOfCourt);
        assertTrue(outOfCourt.contains("action=\"" + page + "/cases/YJW-002/answers/3.1.1\""), outOfCourt);
        assertFalse(outOfCourt.contains("/answers/2."), "no court question on an out-of-court case");
    }

    @Test
    void aYouthCaseIsFinishedWhenEveryApplicableQuestionIsAnsweredAndTheListFiltersByDisposal() {
        String id = youthInspection("Youth Workspace Progress YOT");
        String page = "/workspace/inspections/" + id;
        String list = Api.inspector("ivan").get(page).then().statusCode(200)
                .body(containsString("Showing 2 of 2 cases")).extract().asString();
        assertTrue(list.contains("name=\"disposal\"") && list.contains("value=\"OUT_OF_COURT\""), list);
        assertTrue(list.contains("value=\"LOOKED_AFTER\""), "boolean breakdowns are offered too: " + list);
        assertFalse(list.contains("value=\"RESETTLEMENT\""), "no probation cohorts: " + list);
        assertFalse(row(list, "YJW-001").contains("Finished"), row(list, "YJW-001"));

        // Every question of every standard that applies to the court case: key questions and prompts.
        JsonPath framework = Api.lead("lena").get("/frameworks/hmip-youth-justice-2021").then().statusCode(200)
                .extract().jsonPath();
        List<String> questions = framework.getList("domains.standards.flatten()"
                + ".findAll { it.appliesTo?.disposal == 'COURT' }.keyQuestions.flatten()"
                + ".collect { [it.id] + it.prompts.id }.flatten()");
        assertTrue(questions.contains("2.1.1a") && !questions.contains("3.1.1"), questions.toString());
        StringBuilder csv = new StringBuilder("case_ref,question_id,answer\n");
        questions.forEach(q -> csv.append("YJW-001,").append(q).append(",YES\n"));
        Api.lead("lena").contentType("text/csv").body(csv.toString()).post("/inspections/" + id + "/answers").then()
                .statusCode(200);

        String after = Api.inspector("ivan").get(page).then().statusCode(200).extract().asString();
        assertTrue(row(after, "YJW-001").contains("Finished"), row(after, "YJW-001"));
        assertTrue(row(after, "YJW-001").contains("court, looked-after child"), row(after, "YJW-001"));
        assertFalse(row(after, "YJW-002").contains("Finished"), row(after, "YJW-002"));
        Api.inspector("ivan").queryParam("disposal", "OUT_OF_COURT").queryParam("unfinished", "yes").get(page).then()
                .statusCode(200).body(containsString("Showing 1 of 2 cases"))
                .body(containsString("id=\"case-YJW-002\""));
        Api.inspector("ivan").queryParam("disposal", "COURT").queryParam("unfinished", "yes").get(page).then()
                .statusCode(200).body(containsString("Showing 0 of 2 cases"));
        Api.inspector("ivan").queryParam("disposal", "LOOKED_AFTER").get(page).then().statusCode(200)
                .body(containsString("Showing 1 of 2 cases")).body(containsString("id=\"case-YJW-001\""));
    }
}
