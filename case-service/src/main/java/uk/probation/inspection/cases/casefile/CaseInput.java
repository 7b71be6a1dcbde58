package uk.probation.inspection.cases.casefile;

import java.util.HashMap;
import java.util.Map;

/**
 * One case as received (JSON object or CSV row), its attribute values still as text, by attribute id, so that every
 * bad field can be named. {@code line} is the CSV line, or null for JSON; {@code index} the position in a JSON array,
 * or null.
 */
public record CaseInput(Integer line, Integer index, String caseRef, Map<String, String> values) {

    /** A probation case (the attributes of {@code CaseAttributes.PROBATION}). */
    public CaseInput(Integer line, Integer index, String caseRef, String cohort, String sentenceType,
            String youngAdult, String gender, String ethnicity, String roshLevel, String startDate) {
        this(line, index, caseRef, probation(cohort, sentenceType, youngAdult, gender, ethnicity, roshLevel, startDate));
    }

    private static Map<String, String> probation(String cohort, String sentenceType, String youngAdult, String gender,
            String ethnicity, String roshLevel, String startDate) {
        Map<String, String> values = new HashMap<>();
        values.put("cohort", cohort);
        values.put("sentenceType", sentenceType);
        values.put("youngAdult", youngAdult);
        values.put("gender", gender);
        values.put("ethnicity", ethnicity);
        values.put("roshLevel", roshLevel);
        values.put("startDate", startDate);
        return values;
    }

    public String value(String attributeId) {
        return values == null ? null : values.get(attributeId);
    }
}
