package uk.probation.inspection.rating.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pools key-question figures over inspections, as HMIP compares a PDU with "other PDUs inspected across London in
 * 2022" and rates regional standards from aggregated PDU data: the pooled percentage is the sum of yes over the sum of
 * relevant cases (not an average of percentages), rounded half up; an inspection's rank is its place by percentage,
 * 1 the highest, equal percentages sharing a rank.
 */
public final class RegionPool {

    /** One inspection's figures for one key question. */
    public record Figure(String inspectionId, int yes, int relevant) {
    }

    /** A key question pooled over {@code inspections} inspections; {@code rank} of the one compared, of {@code ranked}. */
    public record Pooled(String questionId, int yes, int relevant, Integer percentage, int inspections, Integer rank,
            int ranked) {
    }

    private RegionPool() {
    }

    public static Integer percentage(int yes, int relevant) {
        return relevant == 0 ? null : (int) Math.floor(100.0 * yes / relevant + 0.5);
    }

    /**
     * @param figures per key question (in report order), every inspection's figures, the compared one included
     * @param compared the inspection whose rank is wanted (null: none)
     */
    public static Map<String, Pooled> pool(Map<String, List<Figure>> figures, String compared) {
        Map<String, Pooled> result = new LinkedHashMap<>();
        figures.forEach((question, list) -> {
            int yes = list.stream().mapToInt(Figure::yes).sum();
            int relevant = list.stream().mapToInt(Figure::relevant).sum();
            List<Figure> ranked = new ArrayList<>(list.stream().filter(f -> f.relevant() > 0).toList());
            Integer rank = null;
            Figure own = ranked.stream().filter(f -> f.inspectionId().equals(compared)).findFirst().orElse(null);
            if (own != null) {
                int ownPercentage = percentage(own.yes(), own.relevant());
                rank = 1 + (int) ranked.stream().filter(f -> percentage(f.yes(), f.relevant()) > ownPercentage).count();
            }
            result.put(question, new Pooled(question, yes, relevant, percentage(yes, relevant), list.size(), rank,
                    ranked.size()));
        });
        return result;
    }
}
