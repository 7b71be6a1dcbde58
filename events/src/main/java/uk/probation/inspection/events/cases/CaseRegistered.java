package uk.probation.inspection.events.cases;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;

import uk.probation.inspection.events.EventType;

/**
 * A sampled case: its reference and its attribute values, never a name. {@code attributes} holds every value the
 * inspection's framework declares (attribute id to text, or a boolean); the named fields are the probation
 * attributes, kept for consumers that predate declared attributes, and null for other frameworks. An event without
 * {@code attributes} (written before they existed) has the probation ones in the named fields.
 */
@EventType("case.registered")
public record CaseRegistered(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String caseRef,
        String cohort,
        String sentenceType,
        Boolean youngAdult,
        String gender,
        String ethnicity,
        String roshLevel,
        String startDate,
        // Optional when read: events written before attributes were declared have none.
        @JacksonInject(value = "attributes", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
        Map<String, Object> attributes)
        implements CaseEvent {

    /** A probation case as announced before attributes were declared. */
    public CaseRegistered(UUID inspectionId, String caseRef, String cohort, String sentenceType, boolean youngAdult,
            String gender, String ethnicity, String roshLevel, String startDate) {
        this(inspectionId, caseRef, cohort, sentenceType, youngAdult, gender, ethnicity, roshLevel, startDate, null);
    }

    /** The case's attribute values: {@code attributes}, or the named probation fields of an older event. */
    public Map<String, Object> attributeValues() {
        if (attributes != null) {
            return attributes;
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        putIfPresent(values, "cohort", cohort);
        putIfPresent(values, "sentenceType", sentenceType);
        putIfPresent(values, "youngAdult", youngAdult);
        putIfPresent(values, "gender", gender);
        putIfPresent(values, "ethnicity", ethnicity);
        putIfPresent(values, "roshLevel", roshLevel);
        putIfPresent(values, "startDate", startDate);
        return values;
    }

    private static void putIfPresent(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
