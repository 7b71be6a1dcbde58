package uk.probation.inspection.rating.publication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.probation.inspection.rating.projection.Breakdown;
import uk.probation.inspection.rating.report.ReportContent;
import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;
import uk.probation.inspection.rating.rules.SmallNumbers;

/**
 * Everything viewers may read of one publication version, frozen when it was published: the ratings, the tallies
 * of every breakdown ({@code dimension=value} to rows in framework order), the number of cases and the report's text
 * ({@code report}; null in snapshots stored before the report had text).
 */
public record PublishedSnapshot(InspectionRatings ratings, Map<String, List<QuestionView>> breakdowns, long cases,
        ReportContent report) {

    /** The report text, empty for a snapshot stored before there was any. */
    public ReportContent reportContent() {
        return report == null ? ReportContent.empty() : report;
    }

    public static String key(Breakdown breakdown) {
        return breakdown.dimension() + "=" + breakdown.value();
    }

    /** The rows of one breakdown; a group nobody was in has every count 0. */
    public List<QuestionView> questions(Breakdown breakdown) {
        List<QuestionView> rows = breakdowns.get(key(breakdown));
        if (rows != null) {
            return rows;
        }
        return breakdowns.get(key(Breakdown.OVERALL)).stream().map(q -> new QuestionView(q.id(), 0, 0, 0, 0, null))
                .toList();
    }

    /**
     * What a viewer is shown: every breakdown's figures under {@link SmallNumbers} (question by question, within
     * each dimension, against the overall figure); the overall figures and ratings are published as they are.
     */
    public PublishedSnapshot disclosed(int threshold) {
        List<QuestionView> overall = breakdowns.get(key(Breakdown.OVERALL));
        Map<String, Map<String, List<QuestionView>>> byDimension = new LinkedHashMap<>();
        breakdowns.forEach((key, rows) -> {
            if (!key.equals(key(Breakdown.OVERALL))) {
                String dimension = key.substring(0, key.indexOf('='));
                byDimension.computeIfAbsent(dimension, d -> new LinkedHashMap<>()).put(key, rows);
            }
        });
        Map<String, List<QuestionView>> disclosed = new LinkedHashMap<>();
        disclosed.put(key(Breakdown.OVERALL), overall);
        byDimension.values().forEach(groups -> disclosed.putAll(disclose(overall, groups, threshold)));
        return new PublishedSnapshot(ratings, disclosed, cases, report);
    }

    private static Map<String, List<QuestionView>> disclose(List<QuestionView> overall,
            Map<String, List<QuestionView>> groups, int threshold) {
        Map<String, List<QuestionView>> result = new LinkedHashMap<>();
        groups.keySet().forEach(key -> result.put(key, new ArrayList<>()));
        for (int i = 0; i < overall.size(); i++) {
            Map<String, Integer> counts = new HashMap<>();
            for (Map.Entry<String, List<QuestionView>> group : groups.entrySet()) {
                counts.put(group.getKey(), group.getValue().get(i).relevant());
            }
            Set<String> withheld = SmallNumbers.withheld(counts, overall.get(i).relevant(), threshold);
            for (Map.Entry<String, List<QuestionView>> group : groups.entrySet()) {
                QuestionView row = group.getValue().get(i);
                result.get(group.getKey()).add(withheld.contains(group.getKey()) ? row.withheld() : row);
            }
        }
        return result;
    }
}
