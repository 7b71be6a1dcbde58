package uk.probation.inspection.rating.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One tally a case's answers fall into: {@code ALL/ALL} for every case, plus one per case attribute
 * (cohort, young adult, gender, ethnicity, risk of serious harm level).
 */
public record Breakdown(String dimension, String value) {

    public static final String ALL = "ALL";
    public static final String COHORT = "cohort";
    public static final String YOUNG_ADULT = "youngAdult";
    public static final String GENDER = "gender";
    public static final String ETHNICITY = "ethnicity";
    public static final String ROSH_LEVEL = "roshLevel";

    public static final Breakdown OVERALL = new Breakdown(ALL, ALL);

    /** The tallies a case with these attributes counts in (an unregistered case only counts overall). */
    public static List<Breakdown> of(CaseAttributes attributes) {
        List<Breakdown> result = new ArrayList<>();
        result.add(OVERALL);
        if (attributes == null) {
            return result;
        }
        add(result, COHORT, attributes.cohort());
        if (attributes.youngAdult()) {
            result.add(new Breakdown(YOUNG_ADULT, "YOUNG_ADULT"));
        }
        add(result, GENDER, attributes.gender());
        add(result, ETHNICITY, attributes.ethnicity());
        add(result, ROSH_LEVEL, attributes.roshLevel());
        return result;
    }

    private static void add(List<Breakdown> result, String dimension, String value) {
        if (value != null && !value.isBlank()) {
            result.add(new Breakdown(dimension, normalise(value)));
        }
    }

    /** Values are compared case-insensitively and without surrounding blanks. */
    public static String normalise(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }

    /** The case attributes that matter for tallies. */
    public record CaseAttributes(String cohort, boolean youngAdult, String gender, String ethnicity, String roshLevel) {
    }
}
