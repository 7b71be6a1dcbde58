package uk.probation.inspection.cases.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.platform.problem.Problem.FieldError;

/**
 * What the team may write into the report: bounded lists of short paragraphs, cohort sections, prompt facts whose
 * templates use only the placeholders the report can fill, numbered recommendations and background facts. Every
 * problem is named by its JSON path ({@code strengths[2]}), so a form can point at the field.
 */
public final class NarrativeRules {

    public static final int MAX_PARAGRAPHS = 50;
    public static final int MAX_PARAGRAPH = 5_000;
    public static final int MAX_SECTIONS = 10;
    public static final int MAX_TITLE = 200;
    public static final int MAX_FACTS = 20;
    public static final int MAX_TEMPLATE = 500;
    public static final int MAX_RECOMMENDATIONS = 50;
    public static final int MAX_ADDRESSEE = 200;
    public static final int MAX_COUNT = 100_000;

    /** The counts a prompt fact's template may name; the report fills them in when it is rendered. */
    public static final Set<String> PLACEHOLDERS = Set.of("yes", "no", "notApplicable", "relevant", "percentage");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** A breakdown group as rating-service's {@code /questions?cohort=} takes it (COMMUNITY, RESETTLEMENT, YOUNG_ADULT). */
    private static final Pattern GROUP = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public record Section(String title, List<String> paragraphs) {
    }

    public record Fact(String questionId, String cohort, String template) {
    }

    public record Recommendation(String addressee, String text) {
    }

    private NarrativeRules() {
    }

    public static List<FieldError> narrative(Framework framework, String standardId, List<String> strengths,
            List<String> areasForImprovement, List<Section> sections, List<Fact> facts) {
        List<FieldError> errors = new ArrayList<>();
        Framework.Standard standard = framework.standard(standardId).orElse(null);
        if (standard == null) {
            errors.add(FieldError.field("standardId", "no standard '" + abbreviate(standardId)
                    + "' in this inspection's framework"));
        }
        paragraphs("strengths", strengths, errors);
        paragraphs("areasForImprovement", areasForImprovement, errors);
        if (sections != null) {
            if (sections.size() > MAX_SECTIONS) {
                errors.add(FieldError.field("cohortSections", "at most " + MAX_SECTIONS + " sections"));
            } else {
                for (int i = 0; i < sections.size(); i++) {
                    String at = "cohortSections[" + i + "]";
                    Section section = sections.get(i);
                    if (section == null) {
                        errors.add(FieldError.field(at, "must be an object with a title and paragraphs"));
                        continue;
                    }
                    text(at + ".title", section.title(), MAX_TITLE, false, errors);
                    if (section.paragraphs() == null || section.paragraphs().isEmpty()) {
                        errors.add(FieldError.field(at + ".paragraphs", "is required: at least one paragraph"));
                    }
                    paragraphs(at + ".paragraphs", section.paragraphs(), errors);
                }
            }
        }
        if (facts != null) {
            if (facts.size() > MAX_FACTS) {
                errors.add(FieldError.field("promptFacts", "at most " + MAX_FACTS + " facts"));
            } else {
                for (int i = 0; i < facts.size(); i++) {
                    fact("promptFacts[" + i + "]", standard, facts.get(i), errors);
                }
            }
        }
        return errors;
    }

    public static List<FieldError> recommendations(List<Recommendation> recommendations) {
        List<FieldError> errors = new ArrayList<>();
        if (recommendations == null) {
            errors.add(FieldError.field("recommendations", "is required (an empty list clears them)"));
            return errors;
        }
        if (recommendations.size() > MAX_RECOMMENDATIONS) {
            errors.add(FieldError.field("recommendations", "at most " + MAX_RECOMMENDATIONS + " recommendations"));
            return errors;
        }
        for (int i = 0; i < recommendations.size(); i++) {
            String at = "recommendations[" + i + "]";
            Recommendation r = recommendations.get(i);
            if (r == null) {
                errors.add(FieldError.field(at, "must be an object with an addressee and a text"));
                continue;
            }
            text(at + ".addressee", r.addressee(), MAX_ADDRESSEE, false, errors);
            text(at + ".text", r.text(), MAX_PARAGRAPH, true, errors);
        }
        return errors;
    }

    public static List<FieldError> background(Integer interviewsHeld, Integer meetingsHeld, List<String> paragraphs) {
        List<FieldError> errors = new ArrayList<>();
        count("interviewsHeld", interviewsHeld, errors);
        count("meetingsHeld", meetingsHeld, errors);
        paragraphs("paragraphs", paragraphs, errors);
        return errors;
    }

    private static void fact(String at, Framework.Standard standard, Fact fact, List<FieldError> errors) {
        if (fact == null) {
            errors.add(FieldError.field(at, "must be an object with a questionId and a template"));
            return;
        }
        if (fact.questionId() == null || fact.questionId().isBlank()) {
            errors.add(FieldError.field(at + ".questionId", "is required: a key question or prompt of this standard"));
        } else if (standard != null && !questionsOf(standard).contains(fact.questionId())) {
            errors.add(FieldError.field(at + ".questionId", "'" + abbreviate(fact.questionId())
                    + "' is not a key question or prompt of standard " + standard.id()));
        }
        if (fact.cohort() != null && !GROUP.matcher(fact.cohort()).matches()) {
            errors.add(FieldError.field(at + ".cohort", "must be a cohort such as RESETTLEMENT, or absent for all cases"));
        }
        if (text(at + ".template", fact.template(), MAX_TEMPLATE, false, errors)) {
            Matcher m = PLACEHOLDER.matcher(fact.template());
            int found = 0;
            while (m.find()) {
                found++;
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    errors.add(FieldError.field(at + ".template", "unknown placeholder {" + abbreviate(m.group(1))
                            + "}: use " + PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList()));
                }
            }
            if (found == 0) {
                errors.add(FieldError.field(at + ".template", "must name at least one count, e.g. {yes} of the {relevant}"));
            }
        }
    }

    private static Set<String> questionsOf(Framework.Standard standard) {
        Set<String> ids = new java.util.HashSet<>();
        for (Framework.KeyQuestion q : standard.keyQuestions()) {
            ids.add(q.id());
            q.prompts().forEach(p -> ids.add(p.id()));
        }
        return ids;
    }

    private static void paragraphs(String field, List<String> paragraphs, List<FieldError> errors) {
        if (paragraphs == null) {
            return;
        }
        if (paragraphs.size() > MAX_PARAGRAPHS) {
            errors.add(FieldError.field(field, "at most " + MAX_PARAGRAPHS + " paragraphs"));
            return;
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            text(field + "[" + i + "]", paragraphs.get(i), MAX_PARAGRAPH, true, errors);
        }
    }

    /** @return true when the text is acceptable */
    private static boolean text(String field, String value, int max, boolean lineBreaks, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.field(field, "must not be empty"));
            return false;
        }
        if (value.length() > max) {
            errors.add(FieldError.field(field, "must be at most " + max + " characters"));
            return false;
        }
        boolean control = value.chars().anyMatch(c -> Character.isISOControl(c)
                && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t')));
        if (control) {
            errors.add(FieldError.field(field, lineBreaks ? "must not contain control characters"
                    : "must be one line without control characters"));
            return false;
        }
        return true;
    }

    private static void count(String field, Integer value, List<FieldError> errors) {
        if (value != null && (value < 0 || value > MAX_COUNT)) {
            errors.add(FieldError.field(field, "must be a whole number from 0 to " + MAX_COUNT));
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
