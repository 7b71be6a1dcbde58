package uk.probation.inspection.feedback.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.feedback.Surveys;
import uk.probation.inspection.feedback.Templates;
import uk.probation.inspection.feedback.ingest.StoredResponse;
import uk.probation.inspection.feedback.summary.ComplementarySuppression.Figure;
import uk.probation.inspection.feedback.template.SurveyTemplate;
import uk.probation.inspection.feedback.template.SurveyTemplate.Demographic;
import uk.probation.inspection.platform.csv.CsvTable;

/** What viewers may not see, on the Newham file and on random files checked against the rule's promises. */
class DisclosureControlTest {

    private static final int T = 5;
    private final SurveyTemplate template = Templates.userVoice();
    private final FeedbackSummariser summariser = new FeedbackSummariser(template);
    private final DisclosureControl control = new DisclosureControl(template, T);

    static List<StoredResponse> golden() {
        List<StoredResponse> responses = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.parse(Surveys.goldenCsv()).rows()) {
            Map<String, String> answers = new HashMap<>();
            row.cells().forEach((column, value) -> {
                if (!value.isEmpty() && !Set.of("respondent_id", "channel", "comments").contains(column)) {
                    answers.put(column, value);
                }
            });
            responses.add(new StoredResponse(row.get("respondent_id"), row.get("channel"), answers));
        }
        return responses;
    }

    @Test
    void fewerRespondentsThanTheThresholdShowNoCountAtAll() {
        List<StoredResponse> four = golden().subList(0, T - 1);
        Map<String, Object> summary = summariser.summary(four, control.forSummary(four));
        assertEquals(Map.of("templateId", "user-voice-2022", "suppressionThreshold", T, "suppressed", true), summary);
        Map<String, Object> breakdown = summariser.breakdown(four, "gender", control.forBreakdown(four, "gender"));
        assertEquals(true, breakdown.get("suppressed"));
        assertFalse(breakdown.containsKey("groups") || breakdown.containsKey("respondents"));

        List<StoredResponse> five = golden().subList(0, T);
        assertEquals(T, summariser.summary(five, control.forSummary(five)).get("respondents"));
    }

    @Test
    void newhamEthnicityHidesTheTwoWhoPreferredNotToSayAndWhatWouldGiveThemAway() {
        List<StoredResponse> responses = golden();
        Map<String, Object> summary = summariser.summary(responses, control.forSummary(responses));
        Map<?, ?> ethnicity = (Map<?, ?>) summary.get("ethnicity");
        assertEquals(27L, ethnicity.get("ASIAN"));
        assertEquals(26L, ethnicity.get("BLACK"));
        for (String hidden : List.of("MIXED", "OTHER", "WHITE", "PREFER_NOT_TO_SAY")) {
            assertEquals(Suppression.SUPPRESSED, ethnicity.get(hidden), hidden);
        }
        assertEquals(65, summary.get("minorityEthnic"));
        assertEquals(96, summary.get("respondents"));
        // 96 - 65 = WHITE + PREFER_NOT_TO_SAY = 31, 65 - 27 - 26 = MIXED + OTHER = 12: pairs, never one value.
        assertEquals(Map.of("MALE", 85L, "FEMALE", 11L), summary.get("gender"));
        assertEquals(Map.of("SURVEY", 83L, "INTERVIEW", 13L), summary.get("channels"));
        // The question figures are the published report's: shown whole.
        assertEquals(Map.of("yes", 0, "answered", 13), ((Map<?, ?>) summary.get("questions")).get("say_in_how_run"));

        Map<String, Object> breakdown = summariser.breakdown(responses, "ethnicity", control.forBreakdown(responses, "ethnicity"));
        Map<?, ?> groups = (Map<?, ?>) breakdown.get("groups");
        Map<?, ?> white = (Map<?, ?>) groups.get("WHITE");
        assertEquals(Suppression.SUPPRESSED, white.get("respondents"));
        assertTrue(((Map<?, ?>) white.get("questions")).values().stream().allMatch(Suppression.SUPPRESSED::equals),
                "a group whose size is withheld shows no figure: " + white);
        assertEquals(27, ((Map<?, ?>) groups.get("ASIAN")).get("respondents"));
    }

    @Test
    void aSingleChoiceQuestionsOptionsAddUpToItsAnsweredSoTheyGoTogether() {
        SurveyTemplate contact = new SurveyTemplate("contact-test", "Contact", List.of("SURVEY"),
                List.of(new Demographic("unit", "Unit", List.of("A", "B", "C"), null)),
                List.of(new SurveyTemplate.Question("contact", "How?", "SINGLE_CHOICE", List.of("PHONE", "VISIT", "LETTER"),
                        null, null, null, null, null)));
        List<StoredResponse> responses = new ArrayList<>();
        int[][] counts = { { 10, 8, 2 }, { 10, 10, 10 }, { 20, 12, 8 } }; // unit A, B, C: PHONE, VISIT, LETTER
        String[] options = { "PHONE", "VISIT", "LETTER" };
        for (int unit = 0; unit < 3; unit++) {
            for (int option = 0; option < 3; option++) {
                for (int i = 0; i < counts[unit][option]; i++) {
                    responses.add(new StoredResponse("R-" + responses.size(), "SURVEY",
                            Map.of("unit", "ABC".substring(unit, unit + 1), "contact", options[option])));
                }
            }
        }
        Withheld withheld = new DisclosureControl(contact, T).forBreakdown(responses, "unit");
        // LETTER: 2 of 20 in A, and B (the next smallest base) with it. Had A's PHONE (10 of 20) and VISIT (8 of 20)
        // been shown, 20 - 10 - 8 would give A's LETTER back: so they are withheld too, and so are B's.
        assertEquals(2, 20 - 10 - 8);
        assertEquals(Set.of("contact.PHONE", "contact.VISIT", "contact.LETTER"), withheld.figures().get("A"));
        assertEquals(Set.of("contact.PHONE", "contact.VISIT", "contact.LETTER"), withheld.figures().get("B"));
        assertEquals(Set.of(), withheld.figures().get("C"));
    }

    @Test
    void randomFilesKeepEveryPromise() {
        Random random = new Random(20261201);
        for (int file = 0; file < 300; file++) {
            List<StoredResponse> responses = randomResponses(random, 1 + random.nextInt(70));
            Withheld summary = control.forSummary(responses);
            if (responses.size() < T) {
                assertTrue(summary.everything());
                continue;
            }
            for (String column : template.breakdownColumns()) {
                Withheld breakdown = control.forBreakdown(responses, column);
                assertEquals(summary.headcounts().get(column), breakdown.headcounts().get(column),
                        "summary and breakdown withhold the same headcounts of " + column);
                auditHeadcounts(responses, column, summary, "file " + file);
                auditFigures(responses, column, breakdown, "file " + file);
            }
        }
    }

    /** Small headcounts hidden; never exactly one non-empty hidden in a relation; what the hidden add up to is not small. */
    private void auditHeadcounts(List<StoredResponse> responses, String column, Withheld withheld, String where) {
        Map<String, Figure> cells = new LinkedHashMap<>();
        summariser.groups(responses, column).forEach((g, m) -> cells.put(g, Figure.headcount(m.size())));
        cells.forEach((group, figure) -> assertTrue(figure.count() >= T || withheld.headcount(column, group),
                where + " " + column + " " + group + " " + figure.count() + " is shown"));
        auditRelation(cells, cells.keySet(), g -> withheld.headcount(column, g), f -> f.count() < T,
                where + " " + column);
        Demographic demographic = template.demographic(column).orElse(null);
        if (demographic != null && demographic.total() != null) {
            String key = Withheld.totalKey(demographic.total().name());
            int total = FeedbackSummariser.namedTotal(responses, demographic);
            if (total > 0) {
                cells.put(key, Figure.headcount(total));
                List<String> coarse = new ArrayList<>(List.of(key));
                List<String> included = new ArrayList<>();
                for (String group : cells.keySet()) {
                    if (group.equals(key)) {
                        continue;
                    }
                    boolean outside = group.equals(FeedbackSummariser.NOT_STATED)
                            || demographic.total().excluding().contains(group);
                    (outside ? coarse : included).add(group);
                }
                auditRelation(cells, coarse, g -> withheld.headcount(column, g), f -> f.count() < T, where + " coarse");
                if (!withheld.headcount(column, key)) {
                    auditRelation(cells, included, g -> withheld.headcount(column, g), f -> f.count() < T,
                            where + " within " + key);
                }
            }
        }
    }

    private void auditFigures(List<StoredResponse> responses, String column, Withheld withheld, String where) {
        Suppression primary = new Suppression(T);
        Map<String, Map<String, Figure>> byGroup = new LinkedHashMap<>();
        summariser.groups(responses, column).forEach((g, m) -> byGroup.put(g, summariser.figures(m)));
        for (String key : summariser.figures(responses).keySet()) {
            Map<String, Figure> cells = new LinkedHashMap<>();
            byGroup.forEach((group, figures) -> cells.put(group, figures.get(key)));
            cells.forEach((group, figure) -> {
                boolean hidden = withheld.figure(group, key);
                assertTrue(hidden || !primary.hides(figure.count(), figure.base()),
                        where + " " + column + " " + group + " " + key + " " + figure + " is shown");
                assertTrue(hidden || !withheld.headcount(column, group),
                        where + " " + key + " shown for " + group + ", whose size is withheld");
            });
            auditRelation(cells, cells.keySet(), g -> withheld.figure(g, key),
                    f -> primary.hides(f.count(), f.base()), where + " " + column + " " + key);
        }
    }

    private static void auditRelation(Map<String, Figure> cells, java.util.Collection<String> relation,
            java.util.function.Predicate<String> hidden, java.util.function.Predicate<Figure> disclosive, String where) {
        List<Figure> hiddenFigures = relation.stream().filter(hidden).map(cells::get).filter(f -> f.base() > 0).toList();
        boolean allHidden = relation.stream().filter(c -> cells.get(c).base() > 0).allMatch(hidden);
        if (hiddenFigures.isEmpty() || allHidden) {
            return;
        }
        assertTrue(hiddenFigures.size() >= 2, where + ": one hidden figure is the total minus the shown ones");
        Figure sum = hiddenFigures.stream().reduce(new Figure(0, 0), (a, b) -> new Figure(a.count() + b.count(),
                a.base() + b.base()));
        assertFalse(disclosive.test(sum), where + ": the hidden figures add up to " + sum);
    }

    private static final List<String> OPTIONS_POSITIVES = List.of("RELATIONSHIP", "ACCESS_TO_SERVICES", "FLEXIBILITY", "OTHER");
    private static final List<String> OPTIONS_ISSUES = List.of("APPOINTMENTS", "ACCESS_TO_SERVICES", "COMMUNICATION",
            "INDUCTION", "OTHER");

    /** Skewed, like real files: a few large groups and some very small ones, some unanswered questions. */
    private static List<StoredResponse> randomResponses(Random random, int n) {
        List<StoredResponse> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String channel = random.nextDouble() < 0.85 ? "SURVEY" : "INTERVIEW";
            Map<String, String> answers = new HashMap<>();
            put(answers, "gender", pick(random, new String[] { "MALE", "FEMALE", "OTHER", "PREFER_NOT_TO_SAY" },
                    new double[] { 0.8, 0.14, 0.02, 0.02 }));
            put(answers, "ethnicity", pick(random, new String[] { "ASIAN", "BLACK", "MIXED", "OTHER", "WHITE",
                    "PREFER_NOT_TO_SAY" }, new double[] { 0.25, 0.25, 0.08, 0.05, 0.3, 0.03 }));
            put(answers, "age_band", pick(random, new String[] { "18-25", "26-35", "36-50", "51+" },
                    new double[] { 0.25, 0.35, 0.3, 0.08 }));
            for (String question : List.of("relationship_works_well", "feel_safe_at_office", "happy_with_support",
                    "needed_support", "asked_for_views")) {
                put(answers, question, pick(random, new String[] { "YES", "NO" }, new double[] { 0.3 + random.nextDouble() * 0.6,
                        0.05 }));
            }
            if ("YES".equals(answers.get("needed_support"))) {
                put(answers, "helped_by_probation", pick(random, new String[] { "YES", "NO" }, new double[] { 0.5, 0.45 }));
            }
            if (channel.equals("INTERVIEW")) {
                put(answers, "say_in_how_run", pick(random, new String[] { "YES", "NO" }, new double[] { 0.1, 0.85 }));
            }
            put(answers, "positives", options(random, OPTIONS_POSITIVES));
            put(answers, "issues", options(random, OPTIONS_ISSUES));
            responses.add(new StoredResponse("R-" + i, channel, answers));
        }
        return responses;
    }

    private static String options(Random random, List<String> options) {
        if (random.nextDouble() < 0.05) {
            return null;
        }
        List<String> chosen = options.stream().filter(o -> random.nextDouble() < 0.3).toList();
        return chosen.isEmpty() ? "NONE" : String.join(";", chosen);
    }

    /** One of {@code values} by weight; null (not answered) with the weight left over. */
    private static String pick(Random random, String[] values, double[] weights) {
        double x = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            if (x < weights[i]) {
                return values[i];
            }
            x -= weights[i];
        }
        return null;
    }

    private static void put(Map<String, String> answers, String column, String value) {
        if (value != null) {
            answers.put(column, value);
        }
    }
}
