package uk.probation.inspection.rating.dashboard;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import uk.probation.inspection.events.ratings.InspectionRatings.KeyQuestionView;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;
import uk.probation.inspection.events.ratings.InspectionRatings.StandardView;

/**
 * The inspection report as a print-friendly HTML page: the ratings table as published reports print it
 * (domain.md section 5), a "Percentage 'Yes'" table per case-rated standard, and community vs resettlement.
 * Every value is escaped; no script, and the only style is the service's own stylesheet (CSP {@code 'self'}).
 */
public final class ReportHtml {

    private ReportData data;
    private final StringBuilder out = new StringBuilder();

    private ReportHtml() {
    }

    public static String render(ReportData data) {
        ReportHtml html = new ReportHtml();
        html.data = data;
        return html.page();
    }

    private String page() {
        var r = data.ratings();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(r.name())).append(" – inspection report</title>")
                .append("<link rel=\"stylesheet\" href=\"/dashboard/report.css\"></head><body><main class=\"report\">\n");
        out.append("<h1>An inspection of probation services in: ").append(esc(r.name())).append("</h1>\n");
        out.append("<p class=\"meta\">Region ").append(esc(r.region())).append(" · PDU ").append(esc(r.pdu()))
                .append(" · framework ").append(esc(r.frameworkId())).append(" · ")
                .append(r.provisional() ? "provisional: live figures" + (r.published()
                        ? "; readers see publication " + r.publicationVersion() : ", not yet published")
                        : "published (publication " + r.publicationVersion() + ", " + r.publishedAt() + ")").append("</p>\n");
        ratingsTable();
        keyQuestionTables();
        cohortComparison();
        out.append("<section><h2>User Voice</h2><p>The views of people on probation (User Voice survey) are kept by ")
                .append("feedback-service: see <code>GET /inspections/").append(esc(r.inspectionId()))
                .append("/feedback</code>. They are not part of the ratings.</p></section>\n");
        out.append("</main></body></html>\n");
        return out.toString();
    }

    private void ratingsTable() {
        out.append("<section><h2>Ratings</h2>\n<table class=\"ratings\" id=\"ratings-table\">")
                .append("<thead><tr><th scope=\"col\">Standard</th><th scope=\"col\">Rating</th>")
                .append("<th scope=\"col\">Key questions (% Yes of ").append(data.cases()).append(")</th></tr></thead><tbody>\n");
        for (StandardView standard : data.ratings().standards()) {
            out.append("<tr class=\"rating-").append(cssClass(standard.rating())).append("\"><th scope=\"row\">")
                    .append(esc(standard.id())).append(' ').append(esc(standard.name())).append("</th><td>")
                    .append(esc(ReportData.printed(standard.rating()))).append("</td><td>")
                    .append(keyQuestionCell(standard)).append("</td></tr>\n");
        }
        var overall = data.ratings().overall();
        out.append("<tr class=\"overall\"><th scope=\"row\"><strong>Overall</strong></th><td><strong>")
                .append(esc(ReportData.printed(overall.rating()))).append("</strong></td><td><strong>")
                .append(overall.score()).append(" / ").append(overall.maxScore()).append("</strong></td></tr>\n");
        out.append("</tbody></table></section>\n");
    }

    /** "64, 48, <strong>36</strong>": each key question's percentage, the lowest (the rating's) in bold. */
    static String keyQuestionCell(StandardView standard) {
        if ("JUDGEMENT".equals(standard.basis())) {
            return "judgement";
        }
        List<Integer> percentages = standard.keyQuestions().stream().map(KeyQuestionView::percentage)
                .filter(p -> p != null).toList();
        if (percentages.isEmpty()) {
            return "—";
        }
        boolean rated = !"NOT_RATED".equals(standard.rating());
        int lowest = percentages.stream().mapToInt(Integer::intValue).min().orElseThrow();
        return percentages.stream()
                .map(p -> rated && percentages.size() > 1 && p == lowest ? "<strong>" + p + "</strong>" : p.toString())
                .collect(Collectors.joining(", "));
    }

    private void keyQuestionTables() {
        for (StandardView standard : data.ratings().standards()) {
            if ("JUDGEMENT".equals(standard.basis()) || standard.keyQuestions().isEmpty()) {
                continue;
            }
            out.append("<section><h2>").append(esc(standard.id())).append(' ').append(esc(standard.name()))
                    .append(": ").append(esc(ReportData.printed(standard.rating()))).append("</h2>\n")
                    .append("<table class=\"key-questions\"><thead><tr><th scope=\"col\">Key question</th>")
                    .append("<th scope=\"col\">Yes</th><th scope=\"col\">Relevant cases</th>")
                    .append("<th scope=\"col\">Percentage 'Yes'</th></tr></thead><tbody>\n");
            for (KeyQuestionView question : standard.keyQuestions()) {
                out.append("<tr><th scope=\"row\">").append(esc(question.id())).append(' ').append(esc(question.text()))
                        .append("</th><td>").append(question.yes()).append("</td><td>").append(question.relevant())
                        .append("</td><td>").append(percent(question.percentage())).append("</td></tr>\n");
            }
            out.append("</tbody></table></section>\n");
        }
    }

    private void cohortComparison() {
        Map<String, QuestionView> community = byId(data.tallies().get("COMMUNITY"));
        Map<String, QuestionView> resettlement = byId(data.tallies().get("RESETTLEMENT"));
        out.append("<section><h2>Community and resettlement cases</h2>\n<table class=\"cohorts\" id=\"cohort-table\">")
                .append("<thead><tr><th scope=\"col\">Key question</th><th scope=\"col\">Community: percentage 'Yes'</th>")
                .append("<th scope=\"col\">Resettlement: percentage 'Yes'</th></tr></thead><tbody>\n");
        for (StandardView standard : data.ratings().standards()) {
            for (KeyQuestionView question : standard.keyQuestions()) {
                out.append("<tr><th scope=\"row\">").append(esc(question.id())).append(' ').append(esc(question.text()))
                        .append("</th><td>").append(cohortCell(community.get(question.id()))).append("</td><td>")
                        .append(cohortCell(resettlement.get(question.id()))).append("</td></tr>\n");
            }
        }
        out.append("</tbody></table></section>\n");
    }

    private static String cohortCell(QuestionView row) {
        if (row != null && row.wasWithheld()) {
            return "withheld (small numbers)";
        }
        if (row == null || row.percentage() == null) {
            return "—";
        }
        return row.percentage() + "% (" + row.yes() + " of " + row.relevant() + ")";
    }

    private static Map<String, QuestionView> byId(List<QuestionView> rows) {
        return rows == null ? Map.of() : rows.stream().collect(Collectors.toMap(QuestionView::id, q -> q));
    }

    private static String percent(Integer percentage) {
        return percentage == null ? "—" : percentage + "%";
    }

    private static String cssClass(String rating) {
        return rating.toLowerCase().replace('_', '-');
    }

    static String esc(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
