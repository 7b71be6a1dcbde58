package uk.probation.inspection.cases.casefile;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A case's attribute values as stored in {@code sampled_case.attributes}: a JSON object. */
public final class CaseValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseValues() {
    }

    public static String write(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of a stored case, in stored order. */
    public static Map<String, Object> of(SampledCase c) {
        if (c.attributes == null) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(c.attributes, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored case attributes are not JSON", e);
        }
    }
}
