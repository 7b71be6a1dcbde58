package uk.probation.inspection.rating;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.TestTokens;

/**
 * Scope rules (issue 6) for rating-service, learned from case-events only: team members read their inspections,
 * viewers read published inspections of their regions, everyone else gets 404 (or 403 for a role that reads
 * nothing here).
 */
@QuarkusTest
class AccessTest {

    @Test
    void scopeOfEveryReadEndpoint() throws Exception {
        UUID unpublished = UUID.randomUUID();
        UUID published = UUID.randomUUID();
        new CaseEventStream(unpublished).opened("Hidden PDU", "North East", "Durham", "nora")
                .teamMember("nora", "LEAD").teamMember("ian", "INSPECTOR").teamMember("gone", "INSPECTOR")
                .teamMemberRemoved("gone").send();
        new CaseEventStream(published).opened("Public PDU", "North East", "Tees", "nora")
                .teamMember("nora", "LEAD").published("nora").send();
        Ratings.await(published, "nora", r -> r.path("published").asBoolean());
        Ratings.await(unpublished, "ian", r -> true);

        for (String path : new String[] {"/inspections/" + published + "/ratings", "/inspections/" + published + "/questions",
                "/regions/North East/ratings"}) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(TestTokens.token("ada", "admin")).get(path).then().statusCode(403);
            given().auth().oauth2(TestTokens.token("sue", "survey-ingest")).get(path).then().statusCode(403);
            given().auth().oauth2(TestTokens.token("vic", "viewer", "North East")).get(path).then().statusCode(200);
            given().auth().oauth2(TestTokens.token("nora", "lead-inspector")).get(path).then().statusCode(200);
        }
        String ratings = "/inspections/" + unpublished + "/ratings";
        given().auth().oauth2(TestTokens.token("ian", "inspector")).get(ratings).then().statusCode(200)
                .body("name", equalTo("Hidden PDU"));
        // not on the team, or removed from it
        given().auth().oauth2(TestTokens.token("otto", "inspector")).get(ratings).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("gone", "inspector")).get(ratings).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("otto", "lead-inspector")).get(ratings).then().statusCode(404);
        // viewers: unpublished -> 404 even in region; other region -> 404; all regions -> published only
        given().auth().oauth2(TestTokens.token("vic", "viewer", "North East")).get(ratings).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("vic", "viewer", "North East"))
                .get("/inspections/" + unpublished + "/questions").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("lou", "viewer", "London"))
                .get("/inspections/" + published + "/ratings").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("all", "viewer", "*"))
                .get("/inspections/" + published + "/ratings").then().statusCode(200)
                .body("inspectionId", equalTo(published.toString()));
        // unknown and malformed ids
        given().auth().oauth2(TestTokens.token("all", "viewer", "*"))
                .get("/inspections/" + UUID.randomUUID() + "/ratings").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("nora", "lead-inspector"))
                .get("/inspections/not-a-uuid/ratings").then().statusCode(404);

        // region lists hold only what the caller may read
        given().auth().oauth2(TestTokens.token("vic", "viewer", "North East")).get("/regions/North East/ratings")
                .then().statusCode(200).body("id", hasItem(published.toString()))
                .body("id", not(hasItem(unpublished.toString())));
        given().auth().oauth2(TestTokens.token("lou", "viewer", "London")).get("/regions/North East/ratings")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.token("ian", "inspector")).get("/regions/North East/ratings")
                .then().statusCode(200).body("id", hasItem(unpublished.toString()))
                .body("id", not(hasItem(published.toString())));
        given().auth().oauth2(TestTokens.token("nora", "lead-inspector")).get("/regions/North East/ratings")
                .then().statusCode(200).body("find { it.id == '" + published + "' }.standards.'2.2'",
                        equalTo("NOT_APPLICABLE"));
    }

    @Test
    void badBreakdownIsAProblemNamingTheParameter() throws Exception {
        UUID id = UUID.randomUUID();
        new CaseEventStream(id).opened("Cohort PDU", "Wales", "Gwent", "nora").send();
        Ratings.await(id, "nora", r -> true);
        String questions = "/inspections/" + id + "/questions";
        String token = TestTokens.token("nora", "lead-inspector");
        given().auth().oauth2(token).get(questions + "?cohort=ADULT").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cohort"));
        given().auth().oauth2(token).get(questions + "?cohort=COMMUNITY&gender=MALE").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get(questions + "?roshLevel=HIGH&ethnicity=White").then().statusCode(422)
                .body("errors[0].field", equalTo("cohort"));
        given().auth().oauth2(token).get(questions + "?cohort=resettlement").then().statusCode(200)
                .body("id", hasItem("2.2.1b")).body(containsString("\"percentage\":null"));
        // a caller who may not see the inspection learns nothing, not even that the cohort is wrong
        given().auth().oauth2(TestTokens.token("otto", "inspector")).get(questions + "?cohort=ADULT").then()
                .statusCode(404);
    }

    @Test
    void membershipIsKeyedOnTheSubOnceBound() throws Exception {
        UUID id = UUID.randomUUID();
        new CaseEventStream(id).opened("Bound PDU", "North East", "Bound", "nora").teamMember("nora", "LEAD")
                .teamMember("ivy", "INSPECTOR").send();
        Ratings.await(id, "nora", r -> true);
        String ratings = "/inspections/" + id + "/ratings";
        // before binding the name is enough (case-service binds it on first use)
        given().auth().oauth2(token("ivy", "sub-ivy-2")).get(ratings).then().statusCode(200);
        new CaseEventStream(id).teamMemberBound("ivy", "sub-ivy-1").send();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2(token("ivy", "sub-ivy-2")).get(ratings).statusCode() == 404);
        given().auth().oauth2(token("ivy", "sub-ivy-1")).get(ratings).then().statusCode(200);
        given().auth().oauth2(token("ivy", "sub-ivy-2")).get("/regions/North East/ratings").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id.toString())));
    }

    private static String token(String username, String subject) {
        return TestTokens.issuer().sign(java.util.Map.of("sub", subject, "preferred_username", username, "groups",
                java.util.List.of("inspector")), java.time.Duration.ofMinutes(10));
    }
}
