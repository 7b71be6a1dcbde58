package uk.probation.inspection.rating.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A breakdown dimension: a case attribute the framework declares with {@code breakdown: true}. Answers are tallied
 * per value: an ENUM's or TEXT's value (upper case, trimmed); a BOOLEAN tallies only the cases where it is true,
 * under its id in upper snake case ({@code youngAdult} → {@code YOUNG_ADULT}), as the probation cohort
 * {@code YOUNG_ADULT} always was.
 */
public record Dimension(String id, String name, String type, List<String> values) {

    /** The probation framework's dimensions: also those of a framework that declares no case attributes. */
    public static final List<Dimension> PROBATION = List.of(
            new Dimension("cohort", "Cohort", "ENUM", List.of("COMMUNITY", "RESETTLEMENT")),
            new Dimension("youngAdult", "Young adult (18-24)", "BOOLEAN", List.of()),
            new Dimension("gender", "Gender", "ENUM", List.of("MALE", "FEMALE", "OTHER", "NOT_RECORDED")),
            new Dimension("ethnicity", "Ethnicity", "TEXT", List.of()),
            new Dimension("roshLevel", "Risk of serious harm", "ENUM", List.of("LOW", "MEDIUM", "HIGH", "VERY_HIGH")));

    /** The breakdown attributes of a framework's {@code caseAttributes}; the probation ones when it has none. */
    public static List<Dimension> fromJson(JsonNode caseAttributes) {
        if (caseAttributes == null || caseAttributes.isMissingNode() || caseAttributes.isNull()) {
            return PROBATION;
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (JsonNode a : caseAttributes) {
            if (!a.path("breakdown").asBoolean(false)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            a.path("values").forEach(v -> values.add(v.asText()));
            String id = a.path("id").asText();
            if (id.isBlank()) {
                throw new InvalidFrameworkException("case attribute without id");
            }
            dimensions.add(new Dimension(id, a.path("name").asText(id), a.path("type").asText("TEXT"), List.copyOf(values)));
        }
        return List.copyOf(dimensions);
    }

    public boolean isBoolean() {
        return "BOOLEAN".equals(type);
    }

    /** The value a BOOLEAN dimension's true cases are tallied under. */
    public String trueValue() {
        return id.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The tally value of a case's attribute value, empty when the case is not tallied in this dimension. */
    public Optional<String> tallyValue(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (isBoolean()) {
            return Boolean.TRUE.equals(value) || "true".equals(value) ? Optional.of(trueValue()) : Optional.empty();
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text.toUpperCase(Locale.ROOT));
    }

    /**
     * The tally value a query asks for, or empty when it is not a value of this dimension: an ENUM's value, any text,
     * or for a BOOLEAN {@code true} (or its tally value).
     */
    public Optional<String> queryValue(String query) {
        String value = query.trim().toUpperCase(Locale.ROOT);
        if (isBoolean()) {
            return value.equals("TRUE") || value.equals(trueValue()) ? Optional.of(trueValue()) : Optional.empty();
        }
        if ("ENUM".equals(type) && !values.contains(value)) {
            return Optional.empty();
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
