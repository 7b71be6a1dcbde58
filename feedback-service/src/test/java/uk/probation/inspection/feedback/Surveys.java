package uk.probation.inspection.feedback;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import uk.probation.inspection.infra.test.GoldenData;
import uk.probation.inspection.infra.test.TestTokens;

/** Helpers for posting survey responses and reading summaries over real HTTP. */
public final class Surveys {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    private Surveys() {
    }

    public static String goldenCsv() {
        try {
            return Files.readString(GoldenData.newham("user-voice.csv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode expectedFeedback() {
        try {
            return JSON.readTree(GoldenData.newham("expected-feedback.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response post(String inspectionId, String token, String contentType, byte[] body) {
        return given().auth().oauth2(token).contentType(contentType).body(body)
                .post("/inspections/{id}/surveys/user-voice-2022/responses", inspectionId);
    }

    public static Response postCsv(String inspectionId, String token, String csv) {
        return post(inspectionId, token, CSV_UTF8, csv.getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode feedback(String inspectionId, String token) {
        return feedback(inspectionId, token, "");
    }

    public static JsonNode feedback(String inspectionId, String token, String query) {
        String body = given().auth().oauth2(token).get("/inspections/{id}/feedback" + query, inspectionId)
                .then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String lead(String user) {
        return TestTokens.token(user, "lead-inspector");
    }

    /** The only role that may submit responses. */
    public static String ingest() {
        return TestTokens.token("uv-feed", "survey-ingest");
    }

    public static String viewer(String region) {
        return TestTokens.token("vera", "viewer", region);
    }

    /** The golden file's header and the rows whose respondent ids are given (in file order). */
    public static String goldenRows(java.util.Set<String> respondentIds) {
        String csv = goldenCsv();
        StringBuilder out = new StringBuilder(csv.substring(0, csv.indexOf('\n') + 1));
        for (String line : csv.substring(csv.indexOf('\n') + 1).split("\n")) {
            if (respondentIds.contains(line.substring(0, line.indexOf(',')))) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
