package uk.probation.inspection.rating.projection;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.rating.projection.Breakdown.CaseAttributes;

/** {@code case_file.tallies}: a case's tally value per breakdown dimension, as a JSON object. */
final class CaseTallies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseTallies() {
    }

    static String write(CaseAttributes attributes) {
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(attributes.tallies()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static CaseAttributes read(String json) {
        try {
            return new CaseAttributes(Map.copyOf(JSON.readValue(json, new TypeReference<Map<String, String>>() {
            })));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored case tallies are not JSON", e);
        }
    }
}
