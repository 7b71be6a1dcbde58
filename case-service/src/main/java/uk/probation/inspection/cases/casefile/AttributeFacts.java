package uk.probation.inspection.cases.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.probation.inspection.cases.framework.Framework.CaseAttribute;

/**
 * A case's attribute values as a reader sees them: each attribute its framework declares, by its name, with the value
 * in words, in the declared order. Pages show these rather than any one framework's fields, so that a case of any
 * framework can be shown.
 */
public final class AttributeFacts {

    /** One fact: the attribute's id and name, and its value in words. */
    public record Fact(String id, String label, String value) {
    }

    static final String NOT_RECORDED = "Not recorded";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private AttributeFacts() {
    }

    public static List<Fact> of(List<CaseAttribute> attributes, Map<String, Object> values) {
        List<Fact> facts = new ArrayList<>();
        for (CaseAttribute a : attributes) {
            facts.add(new Fact(a.id(), a.name(), words(a, values.get(a.id()))));
        }
        return List.copyOf(facts);
    }

    /** A value in words: an enumeration's constant as a phrase, a boolean as Yes or No, a date as GOV.UK writes it. */
    public static String words(CaseAttribute attribute, Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return NOT_RECORDED;
        }
        String text = String.valueOf(value);
        return switch (attribute.type()) {
            case "ENUM" -> phrase(text);
            case "BOOLEAN" -> Boolean.parseBoolean(text) ? "Yes" : "No";
            case "DATE" -> date(text);
            default -> text;
        };
    }

    /** {@code OUT_OF_COURT} as "Out of court". */
    public static String phrase(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String date(String iso) {
        try {
            return DATE.format(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso; // stored before dates were checked: shown as it was sent
        }
    }
}
