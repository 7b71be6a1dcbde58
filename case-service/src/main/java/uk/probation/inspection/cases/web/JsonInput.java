package uk.probation.inspection.cases.web;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.platform.problem.StrictJson;

/**
 * Reads a JSON body that may be one object or an array of them, with the application's strict mapper
 * (unknown fields fail); parse errors become 400 problems through the platform's mappers. A leading BOM is
 * dropped, as it is for bodies that JAX-RS reads (see {@link StrictJson}).
 */
public final class JsonInput {

    private JsonInput() {
    }

    public static <T> List<T> objectOrArray(ObjectMapper json, String body, Class<T> type)
            throws JsonProcessingException {
        String trimmed = body == null ? "" : StrictJson.withoutBom(body).stripLeading();
        if (trimmed.startsWith("[")) {
            return json.readValue(trimmed, json.getTypeFactory().constructCollectionType(List.class, type));
        }
        T one = json.readValue(trimmed, type);
        return one == null ? List.of() : List.of(one);
    }

    public static boolean isArray(String body) {
        return body != null && StrictJson.withoutBom(body).stripLeading().startsWith("[");
    }

    /**
     * An optional JSON body: null when there is none (a bodiless POST needs no Content-Type); otherwise it must be
     * declared as JSON (415) and is read strictly (400 on anything malformed or unknown).
     */
    public static <T> T optional(ObjectMapper json, String contentType, String body, Class<T> type)
            throws JsonProcessingException {
        String trimmed = body == null ? "" : StrictJson.withoutBom(body).strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new uk.probation.inspection.platform.problem.ProblemException(415, "Unsupported media type",
                    "A body must be application/json", null);
        }
        return json.readValue(trimmed, type);
    }
}
