package uk.probation.inspection.cases.framework;

import java.util.List;
import java.util.regex.Pattern;

import uk.probation.inspection.cases.sampling.SamplingRules;
import uk.probation.inspection.platform.problem.Problem.FieldError;

/**
 * Checks a framework before it is registered and lists every problem, each with the JSON path of the field
 * (for example {@code domains[1].standards[0].keyQuestions[2].prompts[0].id}). The framework's own fields are
 * checked here; its rules, case attributes, domains and sampling section by checks of their own, in that order.
 */
public final class FrameworkValidator {

    static final Pattern FRAMEWORK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private FrameworkValidator() {
    }

    /** Every problem of {@code framework}; empty when it can be registered. */
    public static List<FieldError> validate(Framework framework) {
        FieldErrors errors = new FieldErrors();
        if (framework == null) {
            errors.error("", "a framework is required");
        } else {
            check(framework, errors);
        }
        return errors.list();
    }

    private static void check(Framework framework, FieldErrors errors) {
        if (framework.id() == null || !FRAMEWORK_ID.matcher(framework.id()).matches()) {
            errors.error("id", "must be 2-64 lower-case letters, digits or hyphens, starting with a letter or digit");
        }
        if (framework.version() == null || framework.version() < 1) {
            errors.error("version", "must be a whole number of at least 1");
        }
        errors.text("name", framework.name());
        if (framework.description() != null) {
            errors.text("description", framework.description());
        }
        new RatingRuleChecks(errors).check(framework.rules());
        new CaseAttributeChecks(errors).check(framework.caseAttributes());
        new DomainChecks(errors, new AppliesToChecks(errors, framework)).check(framework.domains());
        if (framework.sampling() != null && !framework.sampling().isNull()) {
            errors.addAll(SamplingRules.parse(framework.sampling()).problems());
        }
    }
}
