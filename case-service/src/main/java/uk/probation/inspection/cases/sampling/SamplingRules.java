package uk.probation.inspection.cases.sampling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/**
 * A framework's {@code sampling} section: the strata (first match wins), the most cases one responsible officer
 * may have in the sample and the default reserve buffer. The only class that reads that JSON, so its shape can
 * move with the framework without touching the sampler.
 *
 * <pre>
 * "sampling": {"maxPerOfficer": 6, "buffer": 0.1,
 *   "strata": [{"id": "male-community-low", "name": "…", "match": {"gender": ["MALE"], "cohort": ["COMMUNITY"],
 *               "roshLevel": ["LOW"]}}, …]}
 * </pre>
 */
public record SamplingRules(List<Stratum> strata, int maxPerOfficer, double buffer) {

    /** A stratum takes the cases whose every named attribute has one of the listed values. */
    public record Stratum(String id, String name, Map<String, Set<String>> match) {

        public boolean matches(Map<String, String> attributes) {
            return match.entrySet().stream().allMatch(m -> m.getValue().contains(attributes.get(m.getKey())));
        }
    }

    public static final int MAX_STRATA = 20;
    public static final int MAX_VALUES = 50;

    public SamplingRules {
        strata = List.copyOf(strata);
    }

    /** The stratum of a case: the first that matches, or null. */
    public Stratum stratumOf(Map<String, String> attributes) {
        return strata.stream().filter(s -> s.matches(attributes)).findFirst().orElse(null);
    }

    /** The rules, or every problem of the section (fields relative to {@code sampling}). */
    public record Parsed(SamplingRules rules, List<FieldError> problems) {
    }

    public static Parsed parse(JsonNode sampling) {
        List<FieldError> problems = new ArrayList<>();
        if (sampling == null || !sampling.isObject()) {
            problems.add(FieldError.field("sampling", "must be an object"));
            return new Parsed(null, problems);
        }
        JsonNode cap = sampling.path("maxPerOfficer");
        if (!cap.isInt() || cap.asInt() < 1) {
            problems.add(FieldError.field("sampling.maxPerOfficer", "must be a whole number of at least 1"));
        }
        JsonNode buffer = sampling.path("buffer");
        if (!buffer.isMissingNode() && (!buffer.isNumber() || buffer.asDouble() < 0 || buffer.asDouble() > 1)) {
            problems.add(FieldError.field("sampling.buffer", "must be a number from 0 to 1"));
        }
        List<Stratum> strata = new ArrayList<>();
        JsonNode list = sampling.path("strata");
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_STRATA) {
            problems.add(FieldError.field("sampling.strata", "must be a list of 1 to " + MAX_STRATA + " strata"));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Stratum stratum = stratum(list.get(i), "sampling.strata[" + i + "]", problems);
                if (stratum != null && !ids.add(stratum.id())) {
                    problems.add(FieldError.field("sampling.strata[" + i + "].id", "'" + stratum.id() + "' is used twice"));
                }
                strata.add(stratum);
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return new Parsed(new SamplingRules(strata, cap.asInt(), buffer.isMissingNode() ? 0 : buffer.asDouble()),
                List.of());
    }

    private static Stratum stratum(JsonNode node, String field, List<FieldError> problems) {
        String id = node.path("id").isTextual() ? node.path("id").asText() : "";
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            problems.add(FieldError.field(field + ".id", "must be 1-64 lower-case letters, digits or hyphens"));
        }
        JsonNode match = node.path("match");
        Map<String, Set<String>> values = new LinkedHashMap<>();
        if (!match.isObject() || match.isEmpty()) {
            problems.add(FieldError.field(field + ".match", "must name at least one attribute and its values"));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = match.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                Set<String> allowed = new LinkedHashSet<>();
                entry.getValue().forEach(v -> {
                    if (v.isTextual() && !v.asText().isBlank()) {
                        allowed.add(v.asText());
                    }
                });
                if (!entry.getValue().isArray() || allowed.size() != entry.getValue().size() || allowed.isEmpty()
                        || allowed.size() > MAX_VALUES) {
                    problems.add(FieldError.field(field + ".match." + entry.getKey(),
                            "must be a list of 1 to " + MAX_VALUES + " distinct values"));
                }
                values.put(entry.getKey(), Set.copyOf(allowed));
            }
        }
        return new Stratum(id, node.path("name").asText(id), values);
    }
}
