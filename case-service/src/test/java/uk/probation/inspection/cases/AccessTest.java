package uk.probation.inspection.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.cases.support.Api;

/** 401 without a token, 403 for the wrong role, 404 for what the caller may not see. */
@QuarkusTest
class AccessTest {

    static final Map<String, String> ANSWER = Map.of("answer", "YES");

    @Test
    void everyEndpointNeedsAToken() {
        String id = Api.openInspection("lena", "Token PDU", "London");
        given().get("/inspections").then().statusCode(401);
        given().get("/inspections/" + id).then().statusCode(401);
        given().contentType("application/json").body("{}").post("/inspections").then().statusCode(401);
        given().get("/inspections/" + id + "/cases").then().statusCode(401);
        given().contentType("text/csv").body("x").post("/inspections/" + id + "/cases").then().statusCode(401);
        given().contentType("application/json").body(ANSWER)
                .put("/inspections/" + id + "/cases/NEW-001/answers/2.2.1").then().statusCode(401);
        given().contentType("text/csv").body("x").post("/inspections/" + id + "/answers").then().statusCode(401);
        given().get("/inspections/" + id + "/judgements").then().statusCode(401);
        given().post("/inspections/" + id + "/publish").then().statusCode(401);
        given().get("/inspections/" + id + "/team").then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/inspections").then().statusCode(401);
    }

    @Test
    void rolesDecideWhatKindOfThingACallerMayDo() {
        String id = Api.openInspection("lena", "Roles PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                .put("/inspections/" + id + "/team/ivan").then().statusCode(200);
        Api.inspector("ivan").contentType("application/json").body(Map.of("name", "x")).post("/inspections").then()
                .statusCode(403).contentType("application/problem+json");
        Api.admin().contentType("application/json").body(Map.of("name", "x")).post("/inspections").then()
                .statusCode(403);
        Api.admin().get("/inspections/" + id + "/cases").then().statusCode(403);
        Api.admin().get("/inspections/" + id + "/cases/NEW-001").then().statusCode(403);
        Api.admin().contentType("application/json").body(ANSWER)
                .put("/inspections/" + id + "/cases/NEW-001/answers/2.2.1").then().statusCode(403);
        Api.as("vera", "viewer", "London").get("/inspections/" + id + "/cases").then().statusCode(403);
        Api.inspector("ivan").contentType("application/json").body(Map.of("rating", "GOOD", "rationale", "r"))
                .put("/inspections/" + id + "/judgements/1.1").then().statusCode(403);
        Api.inspector("ivan").post("/inspections/" + id + "/publish").then().statusCode(403);
        Api.inspector("ivan").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                .put("/inspections/" + id + "/team/olga").then().statusCode(403);
        Api.as("sam", "survey-ingest").get("/inspections").then().statusCode(403);

        // ivan, on the team, records answers and reads cases
        Api.inspector("ivan").contentType("application/json").body(ANSWER)
                .put("/inspections/" + id + "/cases/NEW-001/answers/2.2.1").then().statusCode(200);
        Api.inspector("ivan").get("/inspections/" + id + "/cases/NEW-001").then().statusCode(200)
                .body("answers[0].recordedBy", equalTo("ivan"));
        Api.inspector("ivan").get("/inspections/" + id + "/team").then().statusCode(200)
                .body("username", equalTo(java.util.List.of("lena", "ivan")));

        // A lead inspector on the team only as INSPECTOR is not its lead
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                .put("/inspections/" + id + "/team/leo").then().statusCode(200);
        Api.lead("leo").post("/inspections/" + id + "/publish").then().statusCode(403);
        Api.lead("leo").contentType("application/json").body(Map.of("role", "LEAD"))
                .put("/inspections/" + id + "/team/leo").then().statusCode(403);
        // The only lead cannot leave or be demoted
        Api.lead("lena").delete("/inspections/" + id + "/team/lena").then().statusCode(409);
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                .put("/inspections/" + id + "/team/lena").then().statusCode(409);
        Api.lead("lena").delete("/inspections/" + id + "/team/nobody").then().statusCode(404);
        Api.lead("lena").contentType("application/json").body(Map.of("role", "BOSS"))
                .put("/inspections/" + id + "/team/olga").then().statusCode(422);
    }

    @Test
    void whatACallerMayNotSeeIsNotFound() {
        String id = Api.openInspection("lena", "Scope PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        String base = "/inspections/" + id;
        // oscar inspects, but not this inspection
        Api.inspector("oscar").get(base).then().statusCode(404).contentType("application/problem+json");
        Api.inspector("oscar").get(base + "/cases").then().statusCode(404);
        Api.inspector("oscar").get(base + "/cases/NEW-001").then().statusCode(404);
        Api.inspector("oscar").get(base + "/team").then().statusCode(404);
        Api.inspector("oscar").get(base + "/judgements").then().statusCode(404);
        Api.inspector("oscar").get(base + "/cases/NEW-001/answers/2.2.1/history").then().statusCode(404);
        Api.inspector("oscar").contentType("application/json").body(ANSWER)
                .put(base + "/cases/NEW-001/answers/2.2.1").then().statusCode(404);
        Api.inspector("oscar").contentType("text/csv").body("case_ref,question_id,answer\nNEW-001,2.2.1,YES\n")
                .post(base + "/answers").then().statusCode(404);
        Api.inspector("oscar").contentType("text/csv").body(Api.goldenHead("cases.csv", 1)).post(base + "/cases")
                .then().statusCode(404);
        Api.inspector("oscar").get("/inspections").then().statusCode(200).body("id", not(hasItem(id)));
        // another lead may not manage it or publish it
        Api.lead("leo").post(base + "/publish").then().statusCode(404);
        Api.lead("leo").contentType("application/json").body(Map.of("role", "LEAD")).put(base + "/team/leo").then()
                .statusCode(404);
        Api.lead("leo").contentType("application/json").body(Map.of("rating", "GOOD", "rationale", "r"))
                .put(base + "/judgements/1.1").then().statusCode(404);
        // viewers: nothing until published, then only in their region; admins: no inspections at all
        Api.as("vera", "viewer", "London").get(base).then().statusCode(404);
        Api.as("vera", "viewer", "London").get("/inspections").then().statusCode(200).body("id", not(hasItem(id)));
        Api.admin().get(base).then().statusCode(404);
        Api.admin().get("/inspections").then().statusCode(200).body("$", hasSize(0));

        Api.makeReady("lena", id);
        Api.lead("lena").post(base + "/publish").then().statusCode(200);
        Api.lead("lena").post(base + "/publish").then().statusCode(409);
        Api.as("vera", "viewer", "London").get(base).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("region", equalTo("London"));
        Api.as("vera", "viewer", "London").get("/inspections?region=London").then().statusCode(200)
                .body("id", hasItem(id));
        Api.as("vera", "viewer", "London").get("/inspections?region=Wales").then().statusCode(200)
                .body("id", not(hasItem(id)));
        Api.as("wyn", "viewer", "Wales").get(base).then().statusCode(404);
        Api.as("wyn", "viewer", "Wales").get("/inspections").then().statusCode(200).body("id", not(hasItem(id)));
        Api.as("all", "viewer", "*").get(base).then().statusCode(200);
        Api.as("vera", "viewer", "London").get(base + "/cases").then().statusCode(403);
        Api.inspector("oscar").get(base).then().statusCode(404);
        Api.lead("lena").get("/inspections?region=London").then().statusCode(200).body("id", hasItem(id));
        Api.lead("lena").get("/inspections?region=Wales").then().statusCode(200).body("id", not(hasItem(id)));
    }
}
