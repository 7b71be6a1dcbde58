package uk.probation.inspection.rating.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.probation.inspection.events.cases.NarrativeRecorded;
import uk.probation.inspection.events.cases.RecommendationsRecorded;
import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.events.ratings.InspectionRatings.KeyQuestionView;
import uk.probation.inspection.events.ratings.InspectionRatings.StandardView;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;
import uk.probation.inspection.rating.report.ReportView.AddresseeGroup;
import uk.probation.inspection.rating.report.ReportView.KeyQuestionRow;
import uk.probation.inspection.rating.report.ReportView.Percent;
import uk.probation.inspection.rating.report.ReportView.RatingRow;

/**
 * Works out everything the report prints from what rating-service holds, in plain Java: the ratings table with the
 * overall score, recommendations grouped by addressee in their numbered order, the background, each standard's
 * rating sentence ({@link LowestKeyQuestionSentence}), prompt facts filled from the counts ({@link PromptFacts}),
 * key-question tables beside the region's pooled figures ({@link RegionPool}), and the User Voice figures. Domain 1
 * comes before the people-on-probation section, the other domains after it, as in the published Newham report.
 */
public final class ReportBuilder {

    /** Everything the report is made from (live for the team, a publication's snapshot for viewers). */
    public record Inputs(InspectionRatings ratings, ReportFramework framework, long cases,
            BreakdownGroups groups, Map<String, List<QuestionView>> tallies, ReportContent content, UserVoiceFigures userVoice,
            Map<String, RegionPool.Pooled> region, String comparisonLabel) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private ReportBuilder() {
    }

    public static ReportView build(Inputs in) {
        InspectionRatings r = in.ratings();
        Map<String, StandardView> standards = new LinkedHashMap<>();
        r.standards().forEach(s -> standards.put(s.id(), s));
        List<ReportView.Domain> before = new ArrayList<>();
        List<ReportView.Domain> after = new ArrayList<>();
        for (ReportFramework.Domain domain : in.framework().domains()) {
            List<ReportView.Standard> sections = new ArrayList<>();
            for (ReportFramework.Standard s : domain.standards()) {
                StandardView rated = standards.get(s.id());
                if (rated != null) {
                    sections.add(standard(s, rated, in));
                }
            }
            (domain == in.framework().domains().get(0) ? before : after)
                    .add(new ReportView.Domain(domain.id(), domain.name(), sections));
        }
        String status = r.provisional() ? "Provisional: live figures, not the published report" + (r.publicationVersion() == null
                ? "" : " (readers see publication " + r.publicationVersion() + ")")
                : "Published (publication " + r.publicationVersion() + ", " + r.publishedAt().toLocalDate().format(DAY) + ")";
        return new ReportView(r.inspectionId(), r.name(), r.region(), r.pdu(), r.provisional(), status, (int) in.cases(),
                ratingRows(r), printed(r.overall().rating()), r.overall().score() + "/" + r.overall().maxScore(),
                recommendations(in.content().recommendations()), background(in), before, userVoice(in.userVoice()), after,
                in.comparisonLabel(), comparison(r, in.groups(), in.tallies()));
    }

    /** The comparison table: every key question for each group of the framework's first ENUM dimension. */
    static ReportView.Comparison comparison(InspectionRatings r, BreakdownGroups groups,
            Map<String, List<QuestionView>> tallies) {
        List<BreakdownGroups.Group> columns = groups.comparison();
        if (columns.isEmpty()) {
            return null;
        }
        List<ReportView.CohortRow> rows = new ArrayList<>();
        for (StandardView s : r.standards()) {
            for (KeyQuestionView q : s.keyQuestions()) {
                rows.add(new ReportView.CohortRow(q.id(), q.text(),
                        columns.stream().map(g -> cohortCell(tallies.get(g.id()), q.id())).toList()));
            }
        }
        List<String> names = columns.stream().map(BreakdownGroups.Group::name).toList();
        return new ReportView.Comparison(heading(names), names, rows);
    }

    /** "Community and resettlement cases", "Court and out of court cases". */
    static String heading(List<String> names) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String name = i == 0 ? names.get(i) : names.get(i).toLowerCase(Locale.ROOT);
            text.append(i == 0 ? "" : i == names.size() - 1 ? " and " : ", ").append(name);
        }
        return text + " cases";
    }

    private static String cohortCell(List<QuestionView> rows, String id) {
        QuestionView q = rows == null ? null : rows.stream().filter(v -> v.id().equals(id)).findFirst().orElse(null);
        if (q != null && q.wasWithheld()) {
            return "withheld (small numbers)";
        }
        if (q == null || q.percentage() == null) {
            return "—";
        }
        return q.percentage() + "% (" + q.yes() + " of " + q.relevant() + ")";
    }

    static List<RatingRow> ratingRows(InspectionRatings r) {
        List<RatingRow> rows = new ArrayList<>();
        for (StandardView s : r.standards()) {
            List<Integer> percentages = s.keyQuestions().stream().map(KeyQuestionView::percentage)
                    .filter(p -> p != null).toList();
            boolean rated = !"NOT_RATED".equals(s.rating()) && !"NOT_APPLICABLE".equals(s.rating());
            int lowest = percentages.stream().mapToInt(Integer::intValue).min().orElse(-1);
            List<Percent> cells = new ArrayList<>();
            for (int i = 0; i < percentages.size(); i++) {
                cells.add(new Percent(percentages.get(i), rated && percentages.size() > 1 && percentages.get(i) == lowest,
                        i == percentages.size() - 1));
            }
            rows.add(new RatingRow(s.id(), s.name(), printed(s.rating()), css(s.rating()), cells,
                    "JUDGEMENT".equals(s.basis())));
        }
        return rows;
    }

    private static ReportView.Standard standard(ReportFramework.Standard s, StandardView rated, Inputs in) {
        boolean cases = "CASES".equals(rated.basis());
        boolean notRated = "NOT_RATED".equals(rated.rating()) && !"JUDGEMENT".equals(rated.basis());
        String sentence = null;
        if (cases && !"NOT_APPLICABLE".equals(rated.rating())) {
            sentence = LowestKeyQuestionSentence.of(s.name(), printed(rated.rating()), rated.keyQuestions().stream()
                    .map(q -> new LowestKeyQuestionSentence.KeyQuestion(q.id(), q.text(), q.percentage())).toList());
        } else if ("NOT_APPLICABLE".equals(rated.rating())) {
            sentence = "No inspected case was relevant to this standard, so it is not rated.";
        } else if (notRated) {
            sentence = "This standard is reported but not rated.";
        }
        List<KeyQuestionRow> rows = new ArrayList<>();
        for (KeyQuestionView q : rated.keyQuestions()) {
            RegionPool.Pooled pooled = in.region() == null ? null : in.region().get(q.id());
            rows.add(new KeyQuestionRow(q.id(), q.text(), q.yes(), q.relevant(), percent(q.percentage()),
                    pooled == null ? "–" : percent(pooled.percentage()),
                    pooled == null || pooled.rank() == null ? "–" : pooled.rank() + " of " + pooled.ranked()));
        }
        NarrativeRecorded text = in.content().narratives().get(s.id());
        List<String> facts = new ArrayList<>();
        List<String> strengths = List.of();
        List<String> areas = List.of();
        List<ReportView.Section> sections = new ArrayList<>();
        if (text != null) {
            for (NarrativeRecorded.PromptFact fact : text.promptFacts()) {
                facts.add(PromptFacts.render(fact.template(), counts(in.groups(), in.tallies(), fact)));
            }
            strengths = text.strengths();
            areas = text.areasForImprovement();
            text.cohortSections().forEach(c -> sections.add(new ReportView.Section(c.title(), c.paragraphs())));
        }
        return new ReportView.Standard(s.id(), s.name(), s.headline(), rated.basis(), printed(rated.rating()),
                css(rated.rating()), sentence, cases || "NONE".equals(rated.basis()) ? rows : List.of(), facts, strengths,
                areas, sections, notRated);
    }

    /** The counts a fact names: its question in its group (all cases unless a group is named in {@code cohort}). */
    static PromptFacts.Counts counts(BreakdownGroups groups, Map<String, List<QuestionView>> tallies,
            NarrativeRecorded.PromptFact fact) {
        String group = groups.find(fact.cohort()).map(BreakdownGroups.Group::id).orElse(null);
        List<QuestionView> rows = group == null ? null : tallies.get(group);
        QuestionView q = rows == null ? null : rows.stream().filter(v -> v.id().equals(fact.questionId())).findFirst()
                .orElse(null);
        if (q == null) {
            return new PromptFacts.Counts(null, null, null, null, null, true);
        }
        return new PromptFacts.Counts(q.yes(), q.no(), q.notApplicable(), q.relevant(), q.percentage(), q.wasWithheld());
    }

    static List<AddresseeGroup> recommendations(RecommendationsRecorded recorded) {
        Map<String, List<ReportView.Recommendation>> groups = new LinkedHashMap<>();
        if (recorded != null) {
            int number = 1;
            for (RecommendationsRecorded.Recommendation r : recorded.recommendations()) {
                groups.computeIfAbsent(r.addressee(), a -> new ArrayList<>())
                        .add(new ReportView.Recommendation(number++, r.text()));
            }
        }
        return groups.entrySet().stream().map(e -> new AddresseeGroup(e.getKey(), e.getValue())).toList();
    }

    private static ReportView.Background background(Inputs in) {
        ReportContent c = in.content();
        String week = c.fieldworkStart() == null ? null : "the week of " + day(c.fieldworkStart());
        String window = c.sampleFrom() == null ? null : day(c.sampleFrom()) + " and " + day(c.sampleTo());
        var b = c.background();
        return new ReportView.Background(week, window, (int) in.cases(), b == null ? null : b.interviewsHeld(),
                b == null ? null : b.meetingsHeld(), b == null ? List.of() : b.paragraphs());
    }

    /** "62 out of 93 …" for every question and option the survey summary holds, in the template's words where it has them. */
    static ReportView.UserVoice userVoice(UserVoiceFigures uv) {
        if (uv == null) {
            return null;
        }
        List<String> statements = new ArrayList<>();
        boolean withheld = false;
        for (UserVoiceFigures.Question q : uv.questions()) {
            String sentence = UserVoiceSentence.of(q);
            withheld |= sentence == null;
            if (sentence != null) {
                statements.add(sentence);
            }
        }
        for (UserVoiceFigures.Option o : uv.options()) {
            String sentence = UserVoiceSentence.of(o);
            withheld |= sentence == null;
            if (sentence != null) {
                statements.add(sentence);
            }
        }
        return new ReportView.UserVoice(uv.respondents(), uv.channels().get("INTERVIEW"), statements, withheld);
    }

    private static String day(String iso) {
        try {
            return LocalDate.parse(iso).format(DAY);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String percent(Integer p) {
        return p == null ? "–" : p + "%";
    }

    /** Ratings as reports print them: REQUIRES_IMPROVEMENT → "Requires improvement". */
    public static String printed(String rating) {
        return switch (rating) {
            case "OUTSTANDING" -> "Outstanding";
            case "GOOD" -> "Good";
            case "REQUIRES_IMPROVEMENT" -> "Requires improvement";
            case "INADEQUATE" -> "Inadequate";
            case "NOT_APPLICABLE" -> "Not applicable";
            case "NOT_RATED" -> "not rated";
            default -> rating;
        };
    }

    private static String css(String rating) {
        return rating.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
