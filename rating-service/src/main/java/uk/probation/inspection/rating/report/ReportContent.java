package uk.probation.inspection.rating.report;

import java.util.Map;

import uk.probation.inspection.events.cases.BackgroundRecorded;
import uk.probation.inspection.events.cases.NarrativeRecorded;
import uk.probation.inspection.events.cases.RecommendationsRecorded;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised;

/**
 * The text of an inspection's report as the team wrote it (narratives by standard id, recommendations, background;
 * each null or absent until written), the dates inspection.opened carried, and the second reading's latest
 * agreement (null before any; absent in snapshots stored before it existed). Frozen into each publication snapshot.
 */
public record ReportContent(Map<String, NarrativeRecorded> narratives, RecommendationsRecorded recommendations,
        BackgroundRecorded background, String fieldworkStart, String sampleFrom, String sampleTo,
        SecondReadingAgreementSummarised agreement) {

    public static ReportContent empty() {
        return new ReportContent(Map.of(), null, null, null, null, null, null);
    }

    /**
     * What viewers may see: the agreement overall and per key question only; per-inspector figures and the
     * disagreements (which name the people reading) are the team's.
     */
    public ReportContent forViewers() {
        if (agreement == null) {
            return this;
        }
        return new ReportContent(narratives, recommendations, background, fieldworkStart, sampleFrom, sampleTo,
                new SecondReadingAgreementSummarised(agreement.inspectionId(), agreement.version(), agreement.overall(),
                        agreement.keyQuestions(), java.util.List.of(), java.util.List.of()));
    }
}
