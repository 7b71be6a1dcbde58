package uk.probation.inspection.cases.workspace;

import java.util.List;

/** What the report-text page shows: one form per standard's narrative, the recommendations and the background. */
public final class ReportTextViews {

    private ReportTextViews() {
    }

    /** {@code theirs}: after a refused stale save, who saved the newer text now in the form; {@code unsaved}: what was sent. */
    public record Saved(int version, String recordedBy, String recordedAt, String theirs, String unsaved) {
    }

    public record SectionRow(int row, String title, String text, String titleError, String textError) {
    }

    public record Narrative(String anchor, String standardId, String name, boolean judgement, String strengths,
            String areasForImprovement, List<SectionRow> sections, Saved saved, FormErrors errors) {
    }

    public record RecommendationRow(int row, boolean first, boolean last, boolean blank, String addressee, String text,
            String addresseeError, String textError) {
    }

    public record Recommendations(List<RecommendationRow> rows, Saved saved, FormErrors errors) {
    }

    public record Background(String fieldworkStart, String sampleWindow, long casesInspected, String interviewsHeld,
            String meetingsHeld, String paragraphs, Saved saved, FormErrors errors) {
    }
}
