package uk.probation.inspection.cases.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/**
 * Checks a framework before it is registered and lists every problem, each with the JSON path of the field
 * (for example {@code domains[1].standards[0].keyQuestions[2].prompts[0].id}).
 */
public final class FrameworkValidator {

    static final Pattern FRAMEWORK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    static final Pattern ELEMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.]{0,31}");
    static final Set<String> RATINGS = Set.of("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE");
    static final Set<String> ROUNDINGS = Set.of("HALF_UP");
    static final Set<String> STANDARD_SCORES = Set.of("LOWEST_KEY_QUESTION");
    static final int MAX_TEXT = 1000;

    private final List<FieldError> errors = new ArrayList<>();
    /** Every id of domains, standards, key questions and prompts, with where it was first seen. */
    private final Map<String, String> ids = new HashMap<>();

    private FrameworkValidator() {
    }

    /** Every problem of {@code framework}; empty when it can be registered. */
    public static List<FieldError> validate(Framework framework) {
        FrameworkValidator validator = new FrameworkValidator();
        if (framework == null) {
            validator.error("", "a framework is required");
        } else {
            validator.check(framework);
        }
        return List.copyOf(validator.errors);
    }

    private void check(Framework framework) {
        if (framework.id() == null || !FRAMEWORK_ID.matcher(framework.id()).matches()) {
            error("id", "must be 2-64 lower-case letters, digits or hyphens, starting with a letter or digit");
        }
        if (framework.version() == null || framework.version() < 1) {
            error("version", "must be a whole number of at least 1");
        }
        text("name", framework.name());
        if (framework.description() != null) {
            text("description", framework.description());
        }
        checkRules(framework.rules());
        checkCaseAttributes(framework.caseAttributes());
        attributes = framework.attributes().stream().filter(java.util.Objects::nonNull)
                .filter(a -> a.id() != null).collect(java.util.stream.Collectors.toMap(
                        Framework.CaseAttribute::id, a -> a, (a, b) -> a));
        checkDomains(framework.domains());
        if (framework.sampling() != null && !framework.sampling().isNull()) {
            errors.addAll(uk.probation.inspection.cases.sampling.SamplingRules.parse(framework.sampling()).problems());
        }
    }

    static final Pattern ATTRIBUTE_ID = Pattern.compile("[a-z][A-Za-z0-9]{0,31}");
    static final Pattern CSV_COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    static final Pattern ENUM_VALUE = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,39}");
    static final Set<String> ATTRIBUTE_TYPES = Set.of("ENUM", "BOOLEAN", "DATE", "TEXT");
    static final int MAX_ATTRIBUTES = 30;
    static final int MAX_VALUES = 100;

    /** The declared (or default) case attributes by id, for checking appliesTo. */
    private Map<String, Framework.CaseAttribute> attributes = Map.of();

    private void checkCaseAttributes(List<Framework.CaseAttribute> declared) {
        if (declared == null) {
            return; // the probation attributes (CaseAttributes.PROBATION)
        }
        if (declared.size() > MAX_ATTRIBUTES) {
            error("caseAttributes", "at most " + MAX_ATTRIBUTES + " case attributes");
            return;
        }
        Map<String, Framework.CaseAttribute> seen = new HashMap<>();
        Set<String> columns = new HashSet<>();
        for (int i = 0; i < declared.size(); i++) {
            Framework.CaseAttribute a = declared.get(i);
            String at = "caseAttributes[" + i + "]";
            if (a == null) {
                error(at, "must not be null");
                continue;
            }
            if (a.id() == null || !ATTRIBUTE_ID.matcher(a.id()).matches() || a.id().equals("caseRef")) {
                error(at + ".id", "must be 1-32 letters or digits starting with a lower-case letter, not caseRef");
            } else if (seen.containsKey(a.id())) {
                error(at + ".id", "'" + a.id() + "' is declared twice");
            }
            if (a.name() != null) {
                text(at + ".name", a.name());
            }
            if (a.csvColumn() == null || !CSV_COLUMN.matcher(a.csvColumn()).matches() || a.csvColumn().equals("case_ref")) {
                error(at + ".csvColumn", "must be 1-32 lower-case letters, digits or underscores, not case_ref");
            } else if (!columns.add(a.csvColumn())) {
                error(at + ".csvColumn", "'" + a.csvColumn() + "' is the column of another attribute");
            }
            if (a.type() == null || !ATTRIBUTE_TYPES.contains(a.type())) {
                error(at + ".type", "must be one of ENUM, BOOLEAN, DATE, TEXT");
            } else if (a.type().equals("ENUM")) {
                checkValues(at + ".values", a.values());
            } else if (a.values() != null) {
                error(at + ".values", "only an ENUM attribute has values");
            }
            if (a.maxLength() != null && (!"TEXT".equals(a.type()) || a.maxLength() < 1 || a.maxLength() > 200)) {
                error(at + ".maxLength", "only a TEXT attribute has a maxLength, from 1 to 200");
            }
            if (a.withinSampleWindow() != null && !"DATE".equals(a.type())) {
                error(at + ".withinSampleWindow", "only a DATE attribute can be bound to the sample window");
            }
            if (a.breakdown() != null && a.breakdown() && "DATE".equals(a.type())) {
                error(at + ".breakdown", "a DATE attribute cannot be a breakdown dimension");
            }
            if (a.valuesWhen() != null) {
                checkValuesWhen(at + ".valuesWhen", a, seen);
            }
            if (a.id() != null) {
                seen.putIfAbsent(a.id(), a);
            }
        }
    }

    private void checkValues(String at, List<String> values) {
        if (values == null || values.isEmpty()) {
            error(at, "an ENUM attribute needs at least one value");
            return;
        }
        if (values.size() > MAX_VALUES) {
            error(at, "at most " + MAX_VALUES + " values");
            return;
        }
        Set<String> unique = new HashSet<>();
        for (int v = 0; v < values.size(); v++) {
            String value = values.get(v);
            if (value == null || !ENUM_VALUE.matcher(value).matches()) {
                error(at + "[" + v + "]", "must be 1-40 upper-case letters, digits or underscores");
            } else if (!unique.add(value)) {
                error(at + "[" + v + "]", value + " appears twice");
            }
        }
    }

    /** valuesWhen names an ENUM attribute declared before this one; each of its values maps to some of ours. */
    private void checkValuesWhen(String at, Framework.CaseAttribute a, Map<String, Framework.CaseAttribute> before) {
        Framework.CaseAttribute controlling = a.valuesWhen().attribute() == null ? null
                : before.get(a.valuesWhen().attribute());
        if (!"ENUM".equals(a.type())) {
            error(at, "only an ENUM attribute can narrow its values");
            return;
        }
        if (controlling == null || !"ENUM".equals(controlling.type()) || controlling.values() == null) {
            error(at + ".attribute", "must name an ENUM attribute declared before this one");
            return;
        }
        if (a.valuesWhen().values() == null) {
            error(at + ".values", "is required");
            return;
        }
        a.valuesWhen().values().forEach((key, allowed) -> {
            if (!controlling.values().contains(key)) {
                error(at + ".values." + key, "'" + key + "' is not a value of " + controlling.id());
            } else if (allowed == null || allowed.isEmpty() || a.values() == null
                    || !a.values().containsAll(allowed)) {
                error(at + ".values." + key, "must be a non-empty list of values of " + a.id());
            }
        });
    }

    /** appliesTo names attributes that have the values: an ENUM value, or true/false for a BOOLEAN. */
    private void checkAppliesTo(String at, Framework.Standard standard) {
        Map<String, String> appliesTo = standard.appliesTo();
        if (appliesTo == null) {
            return;
        }
        if (appliesTo.isEmpty()) {
            error(at, "must name at least one attribute, or be left out");
        }
        if (!"CASES".equals(standard.basis()) && !"NONE".equals(standard.basis())) {
            error(at, "only a standard rated from cases (CASES or NONE) applies to some cases");
        }
        appliesTo.forEach((attribute, value) -> {
            Framework.CaseAttribute a = attributes.get(attribute);
            if (a == null) {
                error(at + "." + attribute, "'" + attribute + "' is not a case attribute of this framework");
            } else if ("ENUM".equals(a.type()) && (a.values() == null || !a.values().contains(value))) {
                error(at + "." + attribute, "'" + value + "' is not one of " + a.values());
            } else if ("BOOLEAN".equals(a.type()) && !"true".equals(value) && !"false".equals(value)) {
                error(at + "." + attribute, "must be true or false");
            } else if (!"ENUM".equals(a.type()) && !"BOOLEAN".equals(a.type())) {
                error(at + "." + attribute, "only ENUM and BOOLEAN attributes can select cases");
            }
        });
    }

    private void checkRules(Framework.Rules rules) {
        if (rules == null) {
            error("rules", "is required");
            return;
        }
        if (rules.percentageRounding() == null || !ROUNDINGS.contains(rules.percentageRounding())) {
            error("rules.percentageRounding", "must be one of " + ROUNDINGS);
        }
        if (rules.standardScore() == null || !STANDARD_SCORES.contains(rules.standardScore())) {
            error("rules.standardScore", "must be one of " + STANDARD_SCORES);
        }
        checkBands(rules.bands());
        checkOverallBands(rules.overallBands());
        if (rules.smallNumberThreshold() != null && (rules.smallNumberThreshold() < 1 || rules.smallNumberThreshold() > 100)) {
            error("rules.smallNumberThreshold", "must be between 1 and 100 (figures of smaller groups are withheld from viewers)");
        }
    }

    /** Bands in descending order of minPercentage: together they cover 0-100, each percentage exactly once. */
    private void checkBands(List<Framework.Band> bands) {
        if (bands == null || bands.isEmpty()) {
            error("rules.bands", "at least one band is required");
            return;
        }
        Set<String> ratings = new HashSet<>();
        Integer previousMin = null;
        Integer previousPoints = null;
        for (int i = 0; i < bands.size(); i++) {
            Framework.Band band = bands.get(i);
            String at = "rules.bands[" + i + "]";
            if (band == null) {
                error(at, "must not be null");
                continue;
            }
            rating(at + ".rating", band.rating(), ratings);
            text(at + ".descriptor", band.descriptor());
            Integer min = band.minPercentage();
            if (min == null || min < 0 || min > 100) {
                error(at + ".minPercentage", "must be a whole percentage from 0 to 100");
                min = null;
            } else if (previousMin != null && min >= previousMin) {
                error(at + ".minPercentage", min + " overlaps the band above (from " + previousMin
                        + "); bands must be in strictly descending order of minPercentage");
            }
            Integer points = band.points();
            if (points == null || points < 0 || points > 100) {
                error(at + ".points", "must be a whole number from 0 to 100");
                points = null;
            } else if (previousPoints != null && points > previousPoints) {
                error(at + ".points", "a lower band cannot earn more points than the band above (" + previousPoints + ")");
            }
            if (min != null) {
                previousMin = min;
            }
            if (points != null) {
                previousPoints = points;
            }
        }
        Framework.Band lowest = bands.get(bands.size() - 1);
        if (lowest != null && lowest.minPercentage() != null && lowest.minPercentage() != 0) {
            error("rules.bands[" + (bands.size() - 1) + "].minPercentage",
                    "the lowest band must start at 0, or percentages below " + lowest.minPercentage() + " have no band");
        }
        Framework.Band top = bands.get(0);
        if (top != null && top.points() != null && top.points() == 0) {
            error("rules.bands[0].points", "the top band must earn at least 1 point, or every maximum score is 0");
        }
    }

    /** Overall bands in ascending order of their share of the maximum, the last one the whole maximum. */
    private void checkOverallBands(List<Framework.OverallBand> bands) {
        if (bands == null || bands.isEmpty()) {
            error("rules.overallBands", "at least one overall band is required");
            return;
        }
        Set<String> ratings = new HashSet<>();
        long[] previous = null;
        for (int i = 0; i < bands.size(); i++) {
            Framework.OverallBand band = bands.get(i);
            String at = "rules.overallBands[" + i + "]";
            if (band == null) {
                error(at, "must not be null");
                continue;
            }
            rating(at + ".rating", band.rating(), ratings);
            Framework.Share share = band.maxShareOfMaximum();
            if (share == null || share.numerator() == null || share.denominator() == null) {
                error(at + ".maxShareOfMaximum", "numerator and denominator are required");
                continue;
            }
            if (share.denominator() < 1 || share.numerator() < 0 || share.numerator() > share.denominator()) {
                error(at + ".maxShareOfMaximum", "must be a fraction from 0/1 to 1/1 with a positive denominator");
                continue;
            }
            long[] current = { share.numerator(), share.denominator() };
            if (previous != null && current[0] * previous[1] <= previous[0] * current[1]) {
                error(at + ".maxShareOfMaximum", share.numerator() + "/" + share.denominator()
                        + " is not above the band before (" + previous[0] + "/" + previous[1]
                        + "); overall bands must be in strictly ascending order");
            }
            previous = current;
        }
        Framework.OverallBand last = bands.get(bands.size() - 1);
        if (last != null && last.maxShareOfMaximum() != null && last.maxShareOfMaximum().numerator() != null
                && !last.maxShareOfMaximum().numerator().equals(last.maxShareOfMaximum().denominator())) {
            error("rules.overallBands[" + (bands.size() - 1) + "].maxShareOfMaximum",
                    "the last overall band must end at the full maximum (1/1)");
        }
    }

    private void checkDomains(List<Framework.Domain> domains) {
        if (domains == null || domains.isEmpty()) {
            error("domains", "at least one domain is required");
            return;
        }
        int rated = 0;
        int counted = 0;
        for (int d = 0; d < domains.size(); d++) {
            Framework.Domain domain = domains.get(d);
            String at = "domains[" + d + "]";
            if (domain == null) {
                error(at, "must not be null");
                continue;
            }
            id(at + ".id", domain.id());
            text(at + ".name", domain.name());
            if (domain.standards() == null || domain.standards().isEmpty()) {
                error(at + ".standards", "at least one standard is required");
                continue;
            }
            for (int s = 0; s < domain.standards().size(); s++) {
                Framework.Standard standard = domain.standards().get(s);
                if (checkStandard(at + ".standards[" + s + "]", standard)) {
                    rated++;
                    if (standard.counts()) {
                        counted++;
                    }
                }
            }
        }
        if (rated == 0) {
            error("domains", "at least one standard must be rated (basis JUDGEMENT or CASES)");
        } else if (counted == 0) {
            error("domains", "at least one rated standard must count towards the overall rating");
        }
    }

    /** Returns true when the standard is rated. */
    private boolean checkStandard(String at, Framework.Standard standard) {
        if (standard == null) {
            error(at, "must not be null");
            return false;
        }
        id(at + ".id", standard.id());
        text(at + ".name", standard.name());
        text(at + ".headline", standard.headline());
        checkAppliesTo(at + ".appliesTo", standard);
        Framework.Basis basis = null;
        try {
            basis = standard.basis() == null ? null : Framework.Basis.valueOf(standard.basis());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (basis == null) {
            error(at + ".basis", "must be one of JUDGEMENT, CASES, NONE");
        }
        List<Framework.KeyQuestion> questions = standard.keyQuestions();
        if (questions == null) {
            error(at + ".keyQuestions", "is required (an empty list for a JUDGEMENT standard)");
            return basis == Framework.Basis.JUDGEMENT;
        }
        if (basis == Framework.Basis.CASES && questions.isEmpty()) {
            error(at + ".keyQuestions", "a CASES standard needs at least one key question");
        }
        if (basis == Framework.Basis.JUDGEMENT && !questions.isEmpty()) {
            error(at + ".keyQuestions", "a JUDGEMENT standard is rated by a lead inspector and has no key questions");
        }
        for (int q = 0; q < questions.size(); q++) {
            checkKeyQuestion(at + ".keyQuestions[" + q + "]", questions.get(q));
        }
        return basis == Framework.Basis.JUDGEMENT || basis == Framework.Basis.CASES;
    }

    private void checkKeyQuestion(String at, Framework.KeyQuestion question) {
        if (question == null) {
            error(at, "must not be null");
            return;
        }
        boolean validId = id(at + ".id", question.id());
        text(at + ".text", question.text());
        if (question.prompts() == null) {
            error(at + ".prompts", "is required (may be empty)");
            return;
        }
        for (int p = 0; p < question.prompts().size(); p++) {
            Framework.Prompt prompt = question.prompts().get(p);
            String promptAt = at + ".prompts[" + p + "]";
            if (prompt == null) {
                error(promptAt, "must not be null");
                continue;
            }
            if (id(promptAt + ".id", prompt.id()) && validId
                    && !prompt.id().matches(Pattern.quote(question.id()) + "[a-z]")) {
                error(promptAt + ".id", "'" + prompt.id() + "' does not belong to key question '" + question.id()
                        + "': a prompt id is its key question's id followed by one letter (" + question.id() + "a)");
            }
            text(promptAt + ".text", prompt.text());
        }
    }

    /** Checks an element id's form and that no other domain, standard, key question or prompt has it. */
    private boolean id(String at, String id) {
        if (id == null || !ELEMENT_ID.matcher(id).matches()) {
            error(at, "must be 1-32 letters, digits or dots, starting with a letter or digit");
            return false;
        }
        String first = ids.putIfAbsent(id, at);
        if (first != null) {
            error(at, "'" + id + "' is already the id of " + first.replaceAll("\\.id$", ""));
            return false;
        }
        return true;
    }

    private void rating(String at, String rating, Set<String> seen) {
        if (rating == null || !RATINGS.contains(rating)) {
            error(at, "must be one of OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE");
        } else if (!seen.add(rating)) {
            error(at, rating + " appears twice");
        }
    }

    private void text(String at, String value) {
        if (value == null || value.isBlank()) {
            error(at, "must not be blank");
        } else if (value.length() > MAX_TEXT) {
            error(at, "must be at most " + MAX_TEXT + " characters");
        }
    }

    private void error(String field, String message) {
        errors.add(FieldError.field(field, message));
    }
}
