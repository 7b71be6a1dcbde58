package uk.probation.inspection.cases.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.restassured.specification.RequestSpecification;
import uk.probation.inspection.infra.test.GoldenData;
import uk.probation.inspection.infra.test.TestTokens;

/** REST calls as the people of the tests: lena and leo lead, ivan and oscar inspect, vera views London. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String user, String role) {
        return given().auth().oauth2(TestTokens.token(user, role));
    }

    public static RequestSpecification as(String user, String role, String region) {
        return given().auth().oauth2(TestTokens.token(user, role, region));
    }

    public static RequestSpecification lead(String user) {
        return as(user, "lead-inspector");
    }

    public static RequestSpecification inspector(String user) {
        return as(user, "inspector");
    }

    public static RequestSpecification admin() {
        return as("ada", "admin");
    }

    /** Opens an inspection as {@code lead}, with the Newham sample window; returns its id. */
    public static String openInspection(String lead, String name, String region) {
        return lead(lead).contentType("application/json")
                .body(Map.of("name", name, "region", region, "pdu", name, "frameworkId", "hmip-probation-pdu-2021",
                        "fieldworkStart", "2022-09-05", "sampleFrom", "2022-01-24", "sampleTo", "2022-02-25"))
                .post("/inspections").then().statusCode(201).extract().path("id");
    }

    public static String golden(String file) {
        try {
            return Files.readString(GoldenData.newham(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header and the first {@code rows} rows of a golden CSV. */
    public static String goldenHead(String file, int rows) {
        return String.join("\n", golden(file).lines().limit(rows + 1L).toList()) + "\n";
    }

    public static void registerCases(String lead, String inspectionId, String csv) {
        lead(lead).contentType("text/csv").body(csv).post("/inspections/" + inspectionId + "/cases")
                .then().statusCode(201);
    }

    /**
     * Completes what publication requires: a judgement for every judgement-rated standard and, for every case
     * registered, an answer (YES unless already answered) to every key question of every case-rated standard.
     */
    public static void makeReady(String lead, String inspectionId) {
        io.restassured.path.json.JsonPath framework = lead(lead).get("/frameworks/hmip-probation-pdu-2021").then()
                .statusCode(200).extract().jsonPath();
        java.util.List<String> judged = framework.getList("domains.standards.flatten().findAll { it.basis == 'JUDGEMENT' }.id");
        java.util.List<String> keyQuestions = framework.getList(
                "domains.standards.flatten().findAll { it.basis == 'CASES' }.keyQuestions.flatten().id");
        java.util.List<String> cases = lead(lead).get("/inspections/" + inspectionId + "/cases").then().statusCode(200)
                .extract().jsonPath().getList("caseRef");
        StringBuilder csv = new StringBuilder("case_ref,question_id,answer\n");
        for (String caseRef : cases) {
            java.util.Set<String> answered = new java.util.HashSet<>(lead(lead)
                    .get("/inspections/" + inspectionId + "/cases/" + caseRef).then().statusCode(200).extract()
                    .jsonPath().getList("answers.questionId"));
            keyQuestions.stream().filter(q -> !answered.contains(q))
                    .forEach(q -> csv.append(caseRef).append(',').append(q).append(",YES\n"));
        }
        if (csv.indexOf("\n") < csv.length() - 1) {
            lead(lead).contentType("text/csv").body(csv.toString()).post("/inspections/" + inspectionId + "/answers")
                    .then().statusCode(200);
        }
        for (String standard : judged) {
            lead(lead).contentType("application/json").body(Map.of("rating", "GOOD", "rationale", "Ready to publish."))
                    .put("/inspections/" + inspectionId + "/judgements/" + standard).then().statusCode(200);
        }
    }
}
