package uk.probation.inspection.rating.rules;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Disclosure control for the figures of one breakdown dimension (say ethnicity) of one question, shown beside the
 * overall figure. A group whose count is under the threshold is withheld (primary suppression), since it could
 * single people out. Because the overall figure is shown, anything hidden can be recovered as the total minus what
 * is shown; so while a small group is hidden, further groups, smallest first, are withheld until at least two are
 * hidden and together they are not under the threshold either (complementary suppression). Cases in no shown
 * group (the "rest": for young adults, everyone else) count as a hidden group of their own.
 */
public final class SmallNumbers {

    public static final int DEFAULT_THRESHOLD = 5;
    private static final String REST = "\u0000rest";

    private SmallNumbers() {
    }

    /**
     * @param counts each group's count (for key questions: the relevant cases, yes + no)
     * @param total the overall count shown beside the groups
     * @return the groups to withhold
     */
    public static Set<String> withheld(Map<String, Integer> counts, int total, int threshold) {
        Map<String, Integer> shown = new LinkedHashMap<>(counts);
        Map<String, Integer> hidden = new LinkedHashMap<>();
        counts.forEach((group, count) -> {
            if (count < threshold) {
                hidden.put(group, shown.remove(group));
            }
        });
        int rest = total - counts.values().stream().mapToInt(Integer::intValue).sum();
        if (rest > 0) {
            hidden.put(REST, rest);
        }
        if (hidden.values().stream().noneMatch(count -> count < threshold)) {
            hidden.remove(REST);
            return hidden.keySet();
        }
        while (!shown.isEmpty()
                && (hidden.size() < 2 || hidden.values().stream().mapToInt(Integer::intValue).sum() < threshold)) {
            String smallest = shown.entrySet().stream().min(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder()))).orElseThrow().getKey();
            hidden.put(smallest, shown.remove(smallest));
        }
        Set<String> withheld = new LinkedHashSet<>(hidden.keySet());
        withheld.remove(REST);
        return withheld;
    }
}
