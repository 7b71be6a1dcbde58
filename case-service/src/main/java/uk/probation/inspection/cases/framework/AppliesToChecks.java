package uk.probation.inspection.cases.framework;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Checks a standard's appliesTo against the framework's case attributes (declared, or the probation default). */
final class AppliesToChecks {

    private final FieldErrors errors;
    /** The case attributes by id; the first of a duplicated id wins (the duplicate is reported elsewhere). */
    private final Map<String, Framework.CaseAttribute> attributes;

    AppliesToChecks(FieldErrors errors, Framework framework) {
        this.errors = errors;
        this.attributes = framework.attributes().stream().filter(Objects::nonNull).filter(a -> a.id() != null)
                .collect(Collectors.toMap(Framework.CaseAttribute::id, a -> a, (a, b) -> a));
    }

    /** appliesTo names attributes that have the values: an ENUM value, or true/false for a BOOLEAN. */
    void check(String at, Framework.Standard standard) {
        Map<String, String> appliesTo = standard.appliesTo();
        if (appliesTo == null) {
            return;
        }
        if (appliesTo.isEmpty()) {
            errors.error(at, "must name at least one attribute, or be left out");
        }
        if (!"CASES".equals(standard.basis()) && !"NONE".equals(standard.basis())) {
            errors.error(at, "only a standard rated from cases (CASES or NONE) applies to some cases");
        }
        appliesTo.forEach((attribute, value) -> {
            Framework.CaseAttribute a = attributes.get(attribute);
            if (a == null) {
                errors.error(at + "." + attribute, "'" + attribute + "' is not a case attribute of this framework");
            } else if ("ENUM".equals(a.type()) && (a.values() == null || !a.values().contains(value))) {
                errors.error(at + "." + attribute, "'" + value + "' is not one of " + a.values());
            } else if ("BOOLEAN".equals(a.type()) && !"true".equals(value) && !"false".equals(value)) {
                errors.error(at + "." + attribute, "must be true or false");
            } else if (!"ENUM".equals(a.type()) && !"BOOLEAN".equals(a.type())) {
                errors.error(at + "." + attribute, "only ENUM and BOOLEAN attributes can select cases");
            }
        });
    }
}
