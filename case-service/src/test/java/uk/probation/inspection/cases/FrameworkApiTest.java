package uk.probation.inspection.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.TestFrameworks;

/** Frameworks over REST: read by every role here, registered and replaced by admins, validated as a whole. */
@QuarkusTest
class FrameworkApiTest {

    @Test
    void everyRoleReadsTheBuiltInFramework() {
        for (String role : new String[] { "lead-inspector", "inspector", "admin", "viewer" }) {
            Api.as("someone", role).get("/frameworks/hmip-probation-pdu-2021").then().statusCode(200)
                    .body("id", equalTo("hmip-probation-pdu-2021"))
                    .body("domains[1].standards[1].keyQuestions[2].prompts[1].id", equalTo("2.2.3b"))
                    .body("rules.bands.minPercentage", equalTo(java.util.List.of(80, 65, 50, 0)));
            Api.as("someone", role).get("/frameworks").then().statusCode(200)
                    .body("id", hasItem("hmip-probation-pdu-2021"));
        }
        given().get("/frameworks").then().statusCode(401);
        Api.as("sam", "survey-ingest").get("/frameworks").then().statusCode(403);
        Api.admin().get("/frameworks/no-such").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anAdminRegistersAYouthJusticeFramework() {
        Framework youth = TestFrameworks.youthJustice("yj-registered");
        Api.admin().contentType("application/json").body(youth).post("/frameworks").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/frameworks/yj-registered"))
                .body("domains", hasSize(3));
        Api.inspector("ivan").get("/frameworks/yj-registered").then().statusCode(200)
                .body("domains.standards.flatten().findAll { it.basis != 'NONE' }", hasSize(12));
        Api.admin().contentType("application/json").body(youth).post("/frameworks").then().statusCode(409)
                .contentType("application/problem+json");
        Api.admin().contentType("application/json").body(TestFrameworks.youthJustice("hmip-probation-pdu-2021"))
                .post("/frameworks").then().statusCode(409);
        Api.lead("lena").contentType("application/json").body(TestFrameworks.youthJustice("yj-other"))
                .post("/frameworks").then().statusCode(403);
    }

    @Test
    void anInvalidFrameworkIsRejectedNamingEveryProblem() {
        Api.admin().contentType("application/json").body(TestFrameworks.broken()).post("/frameworks").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.size()", greaterThanOrEqualTo(TestFrameworks.BROKEN_FIELDS.size()))
                .body("errors.field", hasItems(TestFrameworks.BROKEN_FIELDS.toArray(new String[0])));
        Api.admin().contentType("application/json").body("{\"id\":\"x\",\"colour\":\"red\"}").post("/frameworks")
                .then().statusCode(400).contentType("application/problem+json");
        Api.admin().contentType("application/json").body("{\"id\":").post("/frameworks").then().statusCode(400);
        Api.admin().contentType("text/plain").body("hello").post("/frameworks").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aRegisteredFrameworkCanBeReplacedUntilAnInspectionUsesIt() {
        Api.admin().contentType("application/json").body(TestFrameworks.youthJustice("yj-replace"))
                .post("/frameworks").then().statusCode(201);
        Framework renamed = new Framework("yj-replace", 2, "Renamed", TestFrameworks.standardRules(),
                TestFrameworks.youthJustice("yj-replace").domains());
        Api.admin().contentType("application/json").body(renamed).put("/frameworks/yj-replace").then()
                .statusCode(200).body("version", equalTo(2));
        Api.admin().contentType("application/json").body(renamed).put("/frameworks/yj-other-id").then()
                .statusCode(404);
        Api.admin().contentType("application/json").body(TestFrameworks.youthJustice("hmip-probation-pdu-2021"))
                .put("/frameworks/hmip-probation-pdu-2021").then().statusCode(409);

        Api.lead("lena").contentType("application/json").body(Map.of("name", "Youth", "region", "Wales", "pdu",
                "Cardiff YOT", "frameworkId", "yj-replace", "fieldworkStart", "2023-05-01", "sampleFrom", "2023-01-01",
                "sampleTo", "2023-02-01")).post("/inspections").then().statusCode(201);
        Api.admin().contentType("application/json").body(renamed).put("/frameworks/yj-replace").then()
                .statusCode(409).contentType("application/problem+json");
        Api.admin().get("/frameworks/yj-replace").then().statusCode(200).body("name", equalTo("Renamed"));
    }

    @Test
    void aFrameworkTooLargeToPublishIsRefusedNamingWhatIsTooLargeAndNothingIsStored() {
        // Within every count limit, but 200-character texts make it over 256 KB of JSON.
        Api.admin().contentType("application/json").body(TestFrameworks.sized("too-large", 20, 5, 5, 4, 200))
                .post("/frameworks").then().statusCode(422).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("too large"))
                .body("errors.field", equalTo(java.util.List.of("")))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("bytes as JSON; at most 262144"));
        Api.admin().get("/frameworks/too-large").then().statusCode(404);

        Api.admin().contentType("application/json").body(TestFrameworks.sized("too-many", 21, 1, 1, 0, 5))
                .post("/frameworks").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("domains")))
                .body("errors[0].message", equalTo("at most 20 domains (this framework has 21)"));
        Api.admin().get("/frameworks/too-many").then().statusCode(404);
        Api.admin().contentType("application/json").body(TestFrameworks.youthJustice("yj-replace-large"))
                .post("/frameworks").then().statusCode(201);
        Api.admin().contentType("application/json").body(TestFrameworks.sized("yj-replace-large", 20, 5, 5, 4, 200))
                .put("/frameworks/yj-replace-large").then().statusCode(422);
        Api.admin().get("/frameworks/yj-replace-large").then().statusCode(200).body("domains", hasSize(3));
    }

    /** The guarantee the limits exist for: the largest framework they allow still travels in inspection.opened. */
    @Test
    void anInspectionOfTheLargestAllowedFrameworkIsPublished() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int text = 1;
        while (json.writeValueAsBytes(TestFrameworks.sized("largest", 20, 5, 5, 4, text + 1)).length
                <= uk.probation.inspection.cases.framework.FrameworkLimits.MAX_JSON_BYTES) {
            text++;
        }
        Api.admin().contentType("application/json").body(TestFrameworks.sized("largest", 20, 5, 5, 4, text))
                .post("/frameworks").then().statusCode(201);
        String id = Api.lead("lena").contentType("application/json")
                .body(Map.of("name", "x".repeat(200), "region", "London", "pdu", "y".repeat(100), "frameworkId", "largest",
                        "fieldworkStart", "2022-09-05", "sampleFrom", "2022-01-24", "sampleTo", "2022-02-25"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        try (uk.probation.inspection.cases.support.CaseEventsReader reader =
                new uk.probation.inspection.cases.support.CaseEventsReader(id)) {
            var opened = reader.awaitAtLeast(1, java.time.Duration.ofSeconds(60)).get(0);
            org.junit.jupiter.api.Assertions.assertEquals("inspection.opened", opened.type());
            org.junit.jupiter.api.Assertions.assertTrue(opened.data().length() > 250_000, "carries the whole framework");
        }
    }
}
