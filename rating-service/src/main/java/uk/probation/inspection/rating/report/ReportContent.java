package uk.probation.inspection.rating.report;

import java.util.Map;

import uk.probation.inspection.events.cases.BackgroundRecorded;
import uk.probation.inspection.events.cases.NarrativeRecorded;
import uk.probation.inspection.events.cases.RecommendationsRecorded;

/**
 * The text of an inspection's report as the team wrote it (narratives by standard id, recommendations, background;
 * each null or absent until written) and the dates inspection.opened carried. Frozen into each publication snapshot.
 */
public record ReportContent(Map<String, NarrativeRecorded> narratives, RecommendationsRecorded recommendations,
        BackgroundRecorded background, String fieldworkStart, String sampleFrom, String sampleTo) {

    public static ReportContent empty() {
        return new ReportContent(Map.of(), null, null, null, null, null);
    }
}
