package uk.probation.inspection.rating.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.probation.inspection.rating.rules.Dimension;

/**
 * One tally a case's answers fall into: {@code ALL/ALL} for every case, plus one per breakdown dimension its
 * framework declares (probation: cohort, young adult, gender, ethnicity, risk of serious harm level).
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
        attributes.tallies().forEach((dimension, value) -> result.add(new Breakdown(dimension, value)));
        return result;
    }

    /** Values are compared case-insensitively and without surrounding blanks. */
    public static String normalise(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }

    /** A case's tally value in each breakdown dimension it counts in (dimension id to value). */
    public record CaseAttributes(Map<String, String> tallies) {

        /** The tallies of a case with these attribute values under these dimensions. */
        public static CaseAttributes of(List<Dimension> dimensions, Map<String, Object> values) {
            Map<String, String> tallies = new LinkedHashMap<>();
            for (Dimension dimension : dimensions) {
                dimension.tallyValue(values.get(dimension.id())).ifPresent(v -> tallies.put(dimension.id(), v));
            }
            return new CaseAttributes(Map.copyOf(tallies));
        }

        /** A probation case as the legacy columns of case_file hold it. */
        public static CaseAttributes probation(String cohort, boolean youngAdult, String gender, String ethnicity,
                String roshLevel) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(COHORT, cohort);
            values.put(YOUNG_ADULT, youngAdult);
            values.put(GENDER, gender);
            values.put(ETHNICITY, ethnicity);
            values.put(ROSH_LEVEL, roshLevel);
            return of(Dimension.PROBATION, values);
        }
    }
}
