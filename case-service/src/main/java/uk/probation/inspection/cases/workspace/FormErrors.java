package uk.probation.inspection.cases.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import uk.probation.inspection.platform.problem.Problem;
import uk.probation.inspection.platform.problem.ProblemException;

/**
 * The GOV.UK error summary and field messages for a refused form, built from the API's problem document: each
 * {@code errors} entry names the field of the API body; {@code fieldIds} says which form element shows it (so the
 * summary links to it). A problem without field errors (403, 409) is one summary line with its detail.
 */
public record FormErrors(String title, List<Item> items) {

    /** {@code href} is the id of the element the summary links to; {@code field} the API's field name. */
    public record Item(String field, String href, String text) {
    }

    public static final FormErrors NONE = new FormErrors(null, List.of());

    public static FormErrors of(ProblemException e, Map<String, String> fieldIds, String fallbackId) {
        return of(e.toProblem(), fieldIds, fallbackId);
    }

    public static FormErrors of(Problem problem, Map<String, String> fieldIds, String fallbackId) {
        List<Item> items = new ArrayList<>();
        if (problem.errors() != null) {
            for (Problem.FieldError error : problem.errors()) {
                String field = error.field() == null ? "" : error.field();
                String label = field.matches("[A-Za-z]+") ? humanise(field) + " " : "";
                items.add(new Item(field, fieldIds.getOrDefault(field, fallbackId), label + error.message()));
            }
        }
        if (items.isEmpty()) {
            items.add(new Item("", fallbackId, problem.detail() == null ? problem.title() : problem.detail()));
        }
        return new FormErrors("There is a problem", List.copyOf(items));
    }

    public boolean any() {
        return !items.isEmpty();
    }

    /** The message shown beside one field, or null. */
    public String forField(String field) {
        return items.stream().filter(i -> i.field().equals(field)).map(Item::text).findFirst().orElse(null);
    }

    private static String humanise(String field) {
        String words = field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
