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
        checkRules(framework.rules());
        checkDomains(framework.domains());
        if (framework.sampling() != null && !framework.sampling().isNull()) {
            errors.addAll(uk.probation.inspection.cases.sampling.SamplingRules.parse(framework.sampling()).problems());
        }
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
                if (checkStandard(at + ".standards[" + s + "]", domain.standards().get(s))) {
                    rated++;
                }
            }
        }
        if (rated == 0) {
            error("domains", "at least one standard must be rated (basis JUDGEMENT or CASES)");
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
