package uk.probation.inspection.cases.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/**
 * The rules every sampled case must meet. A case reference is letters, digits and hyphens with at least one
 * digit (NEW-001): a reference, never a name.
 */
public final class CaseRules {

    public static final Pattern CASE_REF = Pattern.compile("(?=.*[0-9])[A-Z0-9][A-Z0-9-]{1,31}");
    public static final Map<String, Set<String>> SENTENCES_BY_COHORT = Map.of(
            "COMMUNITY", Set.of("COMMUNITY_ORDER", "SUSPENDED_SENTENCE_ORDER"),
            "RESETTLEMENT", Set.of("LICENCE", "POST_SENTENCE_SUPERVISION"));
    public static final Set<String> GENDERS = Set.of("MALE", "FEMALE", "OTHER", "NOT_RECORDED");
    public static final Set<String> ROSH_LEVELS = Set.of("LOW", "MEDIUM", "HIGH", "VERY_HIGH");
    public static final int MAX_ETHNICITY = 60;

    /** JSON field name to CSV column name: errors name the field the caller used. */
    static final Map<String, String> CSV_COLUMN = Map.of("caseRef", "case_ref", "cohort", "cohort",
            "sentenceType", "sentence_type", "youngAdult", "young_adult", "gender", "gender",
            "ethnicity", "ethnicity", "roshLevel", "rosh_level", "startDate", "start_date");

    private CaseRules() {
    }

    /**
     * Every problem of {@code cases}: each field, duplicates within the request and against
     * {@code existingRefs}, start dates outside the inspection's sample window.
     */
    public static List<FieldError> problems(List<CaseInput> cases, Set<String> existingRefs, LocalDate sampleFrom,
            LocalDate sampleTo) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (cases.isEmpty()) {
            errors.add(noCases());
        }
        Check check = new Check(existingRefs, sampleFrom, sampleTo);
        cases.forEach(c -> check.check(c, errors::add));
        return errors;
    }

    static FieldError noCases() {
        return FieldError.field("", "no cases in the request");
    }

    /**
     * The rules for the cases of one request, applied one case at a time (so that a large upload is checked as it
     * is read); it remembers the references seen so far, to find duplicates.
     */
    public static final class Check {

        private final Set<String> existingRefs;
        private final LocalDate sampleFrom;
        private final LocalDate sampleTo;
        private final Map<String, CaseInput> seen = new HashMap<>();

        public Check(Set<String> existingRefs, LocalDate sampleFrom, LocalDate sampleTo) {
            this.existingRefs = existingRefs;
            this.sampleFrom = sampleFrom;
            this.sampleTo = sampleTo;
        }

        /** Reports every problem of {@code c} to {@code errors}. */
        public void check(CaseInput c, Consumer<FieldError> errors) {
            Reporter report = new Reporter(c, errors);
            if (c.caseRef() == null || c.caseRef().isBlank()) {
                report.on("caseRef", "is required");
            } else if (!CASE_REF.matcher(c.caseRef()).matches()) {
                report.on("caseRef", "'" + c.caseRef() + "' is not a case reference: 2-32 upper-case letters,"
                        + " digits or hyphens, with at least one digit (a reference, never a name)");
            } else if (existingRefs.contains(c.caseRef())) {
                report.on("caseRef", "'" + c.caseRef() + "' is already registered on this inspection");
            } else if (seen.containsKey(c.caseRef())) {
                CaseInput first = seen.get(c.caseRef());
                report.on("caseRef", "'" + c.caseRef() + "' appears twice in this request (first at "
                        + (first.line() != null ? "line " + first.line() : "[" + first.index() + "]") + ")");
            } else {
                seen.put(c.caseRef(), c);
            }
            Set<String> sentences = oneOf(report, "cohort", c.cohort(), SENTENCES_BY_COHORT.keySet())
                    ? SENTENCES_BY_COHORT.get(c.cohort()) : null;
            Set<String> allSentences = new java.util.TreeSet<>();
            SENTENCES_BY_COHORT.values().forEach(allSentences::addAll);
            if (oneOf(report, "sentenceType", c.sentenceType(), allSentences) && sentences != null
                    && !sentences.contains(c.sentenceType())) {
                report.on("sentenceType", c.sentenceType() + " is not a " + c.cohort() + " sentence; expected one of "
                        + new java.util.TreeSet<>(sentences));
            }
            if (!"true".equals(c.youngAdult()) && !"false".equals(c.youngAdult())) {
                report.on("youngAdult", c.youngAdult() == null ? "is required (true or false)"
                        : "'" + c.youngAdult() + "' is not true or false");
            }
            oneOf(report, "gender", c.gender(), GENDERS);
            if (c.ethnicity() == null || c.ethnicity().isBlank()) {
                report.on("ethnicity", "is required");
            } else if (c.ethnicity().length() > MAX_ETHNICITY) {
                report.on("ethnicity", "must be at most " + MAX_ETHNICITY + " characters");
            } else if (c.ethnicity().chars().anyMatch(Character::isISOControl)) {
                report.on("ethnicity", "must not contain control characters");
            }
            oneOf(report, "roshLevel", c.roshLevel(), ROSH_LEVELS);
            startDate(report, c.startDate(), sampleFrom, sampleTo);
        }
    }

    private static void startDate(Reporter report, String value, LocalDate from, LocalDate to) {
        if (value == null || value.isBlank()) {
            report.on("startDate", "is required (an ISO date, e.g. 2022-01-24)");
            return;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(from) || date.isAfter(to)) {
                report.on("startDate", value + " is outside the inspection's sample window " + from + " to " + to);
            }
        } catch (DateTimeParseException e) {
            report.on("startDate", "'" + value + "' is not an ISO date (yyyy-mm-dd)");
        }
    }

    private static boolean oneOf(Reporter report, String field, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            report.on(field, "is required: one of " + new java.util.TreeSet<>(allowed));
            return false;
        }
        if (!allowed.contains(value)) {
            report.on(field, "'" + value + "' is not one of " + new java.util.TreeSet<>(allowed));
            return false;
        }
        return true;
    }

    /** Names a field as the caller sent it: CSV line and column, or JSON path. */
    private record Reporter(CaseInput c, Consumer<FieldError> errors) {
        void on(String field, String message) {
            if (c.line() != null) {
                errors.accept(FieldError.line(c.line(), CSV_COLUMN.get(field), message));
            } else {
                errors.accept(FieldError.field(c.index() != null ? "[" + c.index() + "]." + field : field, message));
            }
        }
    }

}
