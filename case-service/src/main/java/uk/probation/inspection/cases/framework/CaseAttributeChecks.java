package uk.probation.inspection.cases.framework;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the case attributes a framework declares: ids, CSV columns, types, values and valuesWhen. */
final class CaseAttributeChecks {

    static final Pattern ATTRIBUTE_ID = Pattern.compile("[a-z][A-Za-z0-9]{0,31}");
    static final Pattern CSV_COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    static final Pattern ENUM_VALUE = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,39}");
    static final Set<String> ATTRIBUTE_TYPES = Set.of("ENUM", "BOOLEAN", "DATE", "TEXT");
    static final int MAX_ATTRIBUTES = 30;
    static final int MAX_VALUES = 100;

    private final FieldErrors errors;

    CaseAttributeChecks(FieldErrors errors) {
        this.errors = errors;
    }

    void check(List<Framework.CaseAttribute> declared) {
        if (declared == null) {
            return; // the probation attributes (CaseAttributes.PROBATION)
        }
        if (declared.size() > MAX_ATTRIBUTES) {
            errors.error("caseAttributes", "at most " + MAX_ATTRIBUTES + " case attributes");
            return;
        }
        Map<String, Framework.CaseAttribute> seen = new HashMap<>();
        Set<String> columns = new HashSet<>();
        for (int i = 0; i < declared.size(); i++) {
            Framework.CaseAttribute a = declared.get(i);
            String at = "caseAttributes[" + i + "]";
            if (a == null) {
                errors.error(at, "must not be null");
                continue;
            }
            if (a.id() == null || !ATTRIBUTE_ID.matcher(a.id()).matches() || a.id().equals("caseRef")) {
                errors.error(at + ".id", "must be 1-32 letters or digits starting with a lower-case letter, not caseRef");
            } else if (seen.containsKey(a.id())) {
                errors.error(at + ".id", "'" + a.id() + "' is declared twice");
            }
            if (a.name() != null) {
                errors.text(at + ".name", a.name());
            }
            if (a.csvColumn() == null || !CSV_COLUMN.matcher(a.csvColumn()).matches() || a.csvColumn().equals("case_ref")) {
                errors.error(at + ".csvColumn", "must be 1-32 lower-case letters, digits or underscores, not case_ref");
            } else if (!columns.add(a.csvColumn())) {
                errors.error(at + ".csvColumn", "'" + a.csvColumn() + "' is the column of another attribute");
            }
            if (a.type() == null || !ATTRIBUTE_TYPES.contains(a.type())) {
                errors.error(at + ".type", "must be one of ENUM, BOOLEAN, DATE, TEXT");
            } else if (a.type().equals("ENUM")) {
                checkValues(at + ".values", a.values());
            } else if (a.values() != null) {
                errors.error(at + ".values", "only an ENUM attribute has values");
            }
            if (a.maxLength() != null && (!"TEXT".equals(a.type()) || a.maxLength() < 1 || a.maxLength() > 200)) {
                errors.error(at + ".maxLength", "only a TEXT attribute has a maxLength, from 1 to 200");
            }
            if (a.withinSampleWindow() != null && !"DATE".equals(a.type())) {
                errors.error(at + ".withinSampleWindow", "only a DATE attribute can be bound to the sample window");
            }
            if (a.breakdown() != null && a.breakdown() && "DATE".equals(a.type())) {
                errors.error(at + ".breakdown", "a DATE attribute cannot be a breakdown dimension");
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
            errors.error(at, "an ENUM attribute needs at least one value");
            return;
        }
        if (values.size() > MAX_VALUES) {
            errors.error(at, "at most " + MAX_VALUES + " values");
            return;
        }
        Set<String> unique = new HashSet<>();
        for (int v = 0; v < values.size(); v++) {
            String value = values.get(v);
            if (value == null || !ENUM_VALUE.matcher(value).matches()) {
                errors.error(at + "[" + v + "]", "must be 1-40 upper-case letters, digits or underscores");
            } else if (!unique.add(value)) {
                errors.error(at + "[" + v + "]", value + " appears twice");
            }
        }
    }

    /** valuesWhen names an ENUM attribute declared before this one; each of its values maps to some of ours. */
    private void checkValuesWhen(String at, Framework.CaseAttribute a, Map<String, Framework.CaseAttribute> before) {
        Framework.CaseAttribute controlling = a.valuesWhen().attribute() == null ? null
                : before.get(a.valuesWhen().attribute());
        if (!"ENUM".equals(a.type())) {
            errors.error(at, "only an ENUM attribute can narrow its values");
            return;
        }
        if (controlling == null || !"ENUM".equals(controlling.type()) || controlling.values() == null) {
            errors.error(at + ".attribute", "must name an ENUM attribute declared before this one");
            return;
        }
        if (a.valuesWhen().values() == null) {
            errors.error(at + ".values", "is required");
            return;
        }
        a.valuesWhen().values().forEach((key, allowed) -> {
            if (!controlling.values().contains(key)) {
                errors.error(at + ".values." + key, "'" + key + "' is not a value of " + controlling.id());
            } else if (allowed == null || allowed.isEmpty() || a.values() == null
                    || !a.values().containsAll(allowed)) {
                errors.error(at + ".values." + key, "must be a non-empty list of values of " + a.id());
            }
        });
    }
}
