package uk.probation.inspection.cases.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import uk.probation.inspection.cases.casefile.AttributeFacts;
import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.framework.Framework.CaseAttribute;

/**
 * The case list's filter, from the framework's breakdowns: the values of its first ENUM breakdown attribute (the
 * dimension: cohort for probation, disposal for youth justice), then each BOOLEAN breakdown attribute whose value is
 * true (named by its id in capitals: {@code youngAdult} is YOUNG_ADULT). The query parameter is the dimension's id, so
 * probation's {@code ?cohort=RESETTLEMENT} and {@code ?cohort=YOUNG_ADULT} keep working.
 */
public final class CaseFilter {

    /** The parameter's name where a framework has no ENUM breakdown attribute. */
    static final String NO_DIMENSION = "group";

    private final CaseAttribute dimension;
    private final List<CaseAttribute> flags;

    private CaseFilter(CaseAttribute dimension, List<CaseAttribute> flags) {
        this.dimension = dimension;
        this.flags = flags;
    }

    public static CaseFilter of(Framework framework) {
        List<CaseAttribute> breakdowns = framework.attributes().stream().filter(CaseAttribute::isBreakdown).toList();
        CaseAttribute dimension = breakdowns.stream().filter(a -> "ENUM".equals(a.type()) && a.values() != null)
                .findFirst().orElse(null);
        return new CaseFilter(dimension, breakdowns.stream().filter(a -> "BOOLEAN".equals(a.type())).toList());
    }

    /** The query parameter (and the select's name). */
    public String parameter() {
        return dimension == null ? NO_DIMENSION : dimension.id();
    }

    public String label() {
        return dimension == null ? "Group" : dimension.name();
    }

    /** What the filter may be set to: value and words, in declared order. */
    public List<Views.Option> options(String selected) {
        List<Views.Option> options = new ArrayList<>();
        if (dimension != null) {
            dimension.values().forEach(v -> options.add(new Views.Option(v, AttributeFacts.phrase(v), v.equals(selected))));
        }
        flags.forEach(f -> options.add(new Views.Option(flagValue(f), f.name(), flagValue(f).equals(selected))));
        return List.copyOf(options);
    }

    /** The value asked for when it is one of the options; otherwise none (every case), as an unknown cohort was. */
    public String selected(String requested) {
        if (requested == null || requested.isBlank()) {
            return "";
        }
        return options(null).stream().anyMatch(o -> o.value().equals(requested)) ? requested : "";
    }

    public boolean matches(Map<String, Object> caseValues, String selected) {
        if (selected == null || selected.isEmpty()) {
            return true;
        }
        if (dimension != null && dimension.values().contains(selected)) {
            return selected.equals(String.valueOf(caseValues.get(dimension.id())));
        }
        Optional<CaseAttribute> flag = flags.stream().filter(f -> flagValue(f).equals(selected)).findFirst();
        return flag.isPresent() && "true".equals(String.valueOf(caseValues.get(flag.get().id())));
    }

    /** A case's place in the breakdowns, for the list: "resettlement, young adult (18-24)". */
    public String describe(Map<String, Object> caseValues) {
        List<String> parts = new ArrayList<>();
        if (dimension != null && caseValues.get(dimension.id()) != null) {
            parts.add(AttributeFacts.phrase(String.valueOf(caseValues.get(dimension.id()))).toLowerCase(Locale.UK));
        }
        flags.stream().filter(f -> "true".equals(String.valueOf(caseValues.get(f.id()))))
                .forEach(f -> parts.add(f.name().toLowerCase(Locale.UK)));
        return String.join(", ", parts);
    }

    /** {@code youngAdult} as YOUNG_ADULT. */
    static String flagValue(CaseAttribute flag) {
        return flag.id().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
