package uk.probation.inspection.rating.report;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * The inspection report as the template prints it, every figure and sentence already worked out
 * ({@link ReportBuilder}): the template only lays it out, in the order of the published Newham report.
 */
@TemplateData
public record ReportView(String inspectionId, String name, String region, String pdu, boolean provisional,
        String status, int cases, List<RatingRow> ratings, String overallRating, String overallScore,
        List<AddresseeGroup> recommendations, Background background, List<Domain> domainsBefore, UserVoice userVoice,
        List<Domain> domainsAfter, String comparisonLabel, Comparison comparison) {

    /**
     * Key questions for the groups of one dimension side by side (probation: community and resettlement cases,
     * "64% (15 of 23)"); {@code groups} names the columns; null when the framework declares no ENUM dimension.
     */
    @TemplateData
    public record Comparison(String heading, List<String> groups, List<CohortRow> rows) {
    }

    /** One key question's figures, one cell per group of the comparison. */
    @TemplateData
    public record CohortRow(String id, String text, List<String> cells) {
    }

    @TemplateData
    public record RatingRow(String id, String name, String rating, String cssClass, List<Percent> keyQuestions,
            boolean judgement) {
    }

    /** A percentage in the ratings table; {@code lowest} is the one the rating comes from (bold). */
    @TemplateData
    public record Percent(int value, boolean lowest, boolean last) {
    }

    @TemplateData
    public record AddresseeGroup(String addressee, List<Recommendation> items) {
    }

    @TemplateData
    public record Recommendation(int number, String text) {
    }

    @TemplateData
    public record Background(String fieldworkWeek, String sampleWindow, int casesInspected, Integer interviewsHeld,
            Integer meetingsHeld, List<String> paragraphs) {
    }

    @TemplateData
    public record Domain(String id, String name, List<Standard> standards) {
    }

    @TemplateData
    public record Standard(String id, String name, String headline, String basis, String rating, String cssClass,
            String ratingSentence, List<KeyQuestionRow> keyQuestions, List<String> facts, List<String> strengths,
            List<String> areasForImprovement, List<Section> cohortSections, boolean notRated) {
    }

    /** A row of a standard's key-question table, beside the region's pooled figure and this PDU's rank. */
    @TemplateData
    public record KeyQuestionRow(String id, String text, int yes, int relevant, String percentage, String pooled,
            String rank) {
    }

    @TemplateData
    public record Section(String title, List<String> paragraphs) {
    }

    @TemplateData
    public record UserVoice(int respondents, Integer interviewed, List<String> statements, boolean withheld) {
    }
}
