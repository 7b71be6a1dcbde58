package uk.probation.inspection.cases.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import uk.probation.inspection.cases.framework.CaseAttributes;
import uk.probation.inspection.cases.framework.Framework.CaseAttribute;
import uk.probation.inspection.platform.problem.Problem.FieldError;

/**
 * The rules every sampled case must meet: a case reference that is letters, digits and hyphens with at least one
 * digit (NEW-001: a reference, never a name), and the case attributes its framework declares.
 */
public final class CaseRules {

    public static final Pattern CASE_REF = Pattern.compile("(?=.*[0-9])[A-Z0-9][A-Z0-9-]{1,31}");
    /** A TEXT attribute's length when its framework sets none. */
    public static final int DEFAULT_MAX_TEXT = 60;

    private CaseRules() {
    }

    /** The probation attributes' problems; see {@link #problems(List, List, Set, LocalDate, LocalDate)}. */
    public static List<FieldError> problems(List<CaseInput> cases, Set<String> existingRefs, LocalDate sampleFrom,
            LocalDate sampleTo) {
        return problems(cases, CaseAttributes.PROBATION, existingRefs, sampleFrom, sampleTo);
    }

    /**
     * Every problem of {@code cases}: each attribute, duplicates within the request and against
     * {@code existingRefs}, dates outside the inspection's sample window.
     */
    public static List<FieldError> problems(List<CaseInput> cases, List<CaseAttribute> attributes,
            Set<String> existingRefs, LocalDate sampleFrom, LocalDate sampleTo) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (cases.isEmpty()) {
            errors.add(noCases());
        }
        Check check = new Check(attributes, existingRefs, sampleFrom, sampleTo);
        cases.forEach(c -> check.check(c, errors::add));
        return errors;
    }

    static FieldError noCases() {
        return FieldError.field("", "no cases in the request");
    }

    /**
     * A valid case's attribute values as stored and announced: ENUM, DATE and TEXT as text (TEXT trimmed), BOOLEAN
     * as a boolean; attributes left out are absent.
     */
    public static Map<String, Object> typedValues(CaseInput c, List<CaseAttribute> attributes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (CaseAttribute a : attributes) {
            String value = c.value(a.id());
            if (value == null || value.isBlank()) {
                continue;
            }
            values.put(a.id(), switch (a.type()) {
                case "BOOLEAN" -> Boolean.parseBoolean(value);
                case "TEXT" -> value.trim();
                default -> value;
            });
        }
        return values;
    }

    /**
     * The rules for the cases of one request, applied one case at a time (so that a large upload is checked as it
     * is read); it remembers the references seen so far, to find duplicates.
     */
    public static final class Check {

        private final List<CaseAttribute> attributes;
        private final Set<String> existingRefs;
        private final LocalDate sampleFrom;
        private final LocalDate sampleTo;
        private final Map<String, CaseInput> seen = new HashMap<>();

        public Check(Set<String> existingRefs, LocalDate sampleFrom, LocalDate sampleTo) {
            this(CaseAttributes.PROBATION, existingRefs, sampleFrom, sampleTo);
        }

        public Check(List<CaseAttribute> attributes, Set<String> existingRefs, LocalDate sampleFrom, LocalDate sampleTo) {
            this.attributes = attributes;
            this.existingRefs = existingRefs;
            this.sampleFrom = sampleFrom;
            this.sampleTo = sampleTo;
        }

        /** Reports every problem of {@code c} to {@code errors}. */
        public void check(CaseInput c, Consumer<FieldError> errors) {
            Reporter report = new Reporter(c, errors, attributes);
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
            Map<String, String> valid = new HashMap<>();
            for (CaseAttribute a : attributes) {
                if (attribute(report, a, c.value(a.id()), valid)) {
                    valid.put(a.id(), c.value(a.id()));
                }
            }
        }

        /** Checks one attribute; true when its value is present and valid. */
        private boolean attribute(Reporter report, CaseAttribute a, String value, Map<String, String> valid) {
            if (value == null || value.isBlank()) {
                if (a.isRequired()) {
                    report.on(a.id(), switch (a.type()) {
                        case "ENUM" -> "is required: one of " + new TreeSet<>(a.values());
                        case "BOOLEAN" -> "is required (true or false)";
                        case "DATE" -> "is required (an ISO date, e.g. 2022-01-24)";
                        default -> "is required";
                    });
                }
                return false;
            }
            switch (a.type()) {
                case "ENUM" -> {
                    if (!a.values().contains(value)) {
                        report.on(a.id(), "'" + value + "' is not one of " + new TreeSet<>(a.values()));
                        return false;
                    }
                    if (a.valuesWhen() != null && valid.containsKey(a.valuesWhen().attribute())) {
                        String when = valid.get(a.valuesWhen().attribute());
                        List<String> allowed = a.valuesWhen().values().get(when);
                        if (allowed != null && !allowed.contains(value)) {
                            report.on(a.id(), value + " is not allowed when " + a.valuesWhen().attribute() + " is "
                                    + when + "; expected one of " + new TreeSet<>(allowed));
                            return false;
                        }
                    }
                }
                case "BOOLEAN" -> {
                    if (!"true".equals(value) && !"false".equals(value)) {
                        report.on(a.id(), "'" + value + "' is not true or false");
                        return false;
                    }
                }
                case "TEXT" -> {
                    int max = a.maxLength() == null ? DEFAULT_MAX_TEXT : a.maxLength();
                    if (value.length() > max) {
                        report.on(a.id(), "must be at most " + max + " characters");
                        return false;
                    }
                    if (value.chars().anyMatch(Character::isISOControl)) {
                        report.on(a.id(), "must not contain control characters");
                        return false;
                    }
                }
                case "DATE" -> {
                    return date(report, a, value);
                }
                default -> throw new IllegalStateException("unknown attribute type " + a.type());
            }
            return true;
        }

        private boolean date(Reporter report, CaseAttribute a, String value) {
            try {
                LocalDate date = LocalDate.parse(value);
                if (Boolean.TRUE.equals(a.withinSampleWindow()) && (date.isBefore(sampleFrom) || date.isAfter(sampleTo))) {
                    report.on(a.id(), value + " is outside the inspection's sample window " + sampleFrom + " to "
                            + sampleTo);
                    return false;
                }
                return true;
            } catch (DateTimeParseException e) {
                report.on(a.id(), "'" + value + "' is not an ISO date (yyyy-mm-dd)");
                return false;
            }
        }
    }

    /** Names a field as the caller sent it: CSV line and column, or JSON path. */
    private record Reporter(CaseInput c, Consumer<FieldError> errors, List<CaseAttribute> attributes) {
        void on(String field, String message) {
            if (c.line() != null) {
                errors.accept(FieldError.line(c.line(), column(field), message));
            } else {
                errors.accept(FieldError.field(c.index() != null ? "[" + c.index() + "]." + field : field, message));
            }
        }

        private String column(String field) {
            if (field.equals("caseRef")) {
                return "case_ref";
            }
            return attributes.stream().filter(a -> a.id().equals(field)).map(CaseAttribute::csvColumn).findFirst()
                    .orElse(field);
        }
    }
}
