package uk.probation.inspection.cases.casefile;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import uk.probation.inspection.cases.framework.Framework.CaseAttribute;
import uk.probation.inspection.platform.problem.ProblemException;

/**
 * A case sent as JSON: {@code caseRef} and the framework's case attributes by id. Read as strictly as other bodies:
 * an unknown field or a value of the wrong JSON type is a 400 naming it; a BOOLEAN attribute is taken as a boolean or
 * as text (validated with the rest).
 */
final class CaseJson {

    private CaseJson() {
    }

    static CaseInput input(JsonNode c, Integer index, List<CaseAttribute> attributes) {
        String at = index == null ? "" : "[" + index + "].";
        Map<String, String> values = new HashMap<>();
        if (c == null || c.isNull()) {
            return new CaseInput(null, index, null, values);
        }
        if (!c.isObject()) {
            throw ProblemException.badRequest("Body is not valid: " + (index == null ? "the case" : "[" + index + "]")
                    + " must be a JSON object");
        }
        Map<String, CaseAttribute> byId = new HashMap<>();
        attributes.forEach(a -> byId.put(a.id(), a));
        for (Iterator<String> names = c.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("caseRef") && !byId.containsKey(name)) {
                throw ProblemException.badRequest("Unknown field '" + at + name + "'; a case has caseRef and the"
                        + " framework's case attributes " + byId.keySet().stream().sorted().toList());
            }
        }
        for (CaseAttribute a : attributes) {
            JsonNode value = c.get(a.id());
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isTextual()) {
                values.put(a.id(), value.asText());
            } else if (value.isBoolean() && a.type().equals("BOOLEAN")) {
                values.put(a.id(), String.valueOf(value.booleanValue()));
            } else {
                throw ProblemException.badRequest("Invalid value '" + value + "' for " + at + a.id() + "; expected "
                        + (a.type().equals("BOOLEAN") ? "true or false" : "a string"));
            }
        }
        JsonNode ref = c.get("caseRef");
        if (ref != null && !ref.isNull() && !ref.isTextual()) {
            throw ProblemException.badRequest("Invalid value '" + ref + "' for " + at + "caseRef; expected a string");
        }
        return new CaseInput(null, index, ref == null || ref.isNull() ? null : ref.asText(), values);
    }
}
