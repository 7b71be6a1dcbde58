package uk.probation.inspection.feedback.summary;

import java.util.Map;
import java.util.Set;

/**
 * What a reader may not see of one summary or breakdown: {@code everything} (too few respondents to show any
 * count), headcounts by column (values, {@code NOT_STATED}, {@link #totalKey named totals}) and figures by
 * breakdown group ({@code question} or {@code question.OPTION}). The team's is {@link #nothing()}.
 */
public record Withheld(Integer threshold, boolean everything, Map<String, Set<String>> headcounts,
        Map<String, Set<String>> figures) {

    public static Withheld nothing() {
        return new Withheld(null, false, Map.of(), Map.of());
    }

    public static Withheld everything(int threshold) {
        return new Withheld(threshold, true, Map.of(), Map.of());
    }

    /** The headcount key of a named total such as minorityEthnic; '=' is never part of a value. */
    public static String totalKey(String name) {
        return "=" + name;
    }

    public boolean headcount(String column, String value) {
        return headcounts.getOrDefault(column, Set.of()).contains(value);
    }

    public boolean figure(String group, String key) {
        return figures.getOrDefault(group, Set.of()).contains(key);
    }
}
