package uk.probation.inspection.cases.support;

import java.util.ArrayList;
import java.util.List;

import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.framework.Framework.Band;
import uk.probation.inspection.cases.framework.Framework.Domain;
import uk.probation.inspection.cases.framework.Framework.KeyQuestion;
import uk.probation.inspection.cases.framework.Framework.OverallBand;
import uk.probation.inspection.cases.framework.Framework.Prompt;
import uk.probation.inspection.cases.framework.Framework.Rules;
import uk.probation.inspection.cases.framework.Framework.Share;
import uk.probation.inspection.cases.framework.Framework.Standard;

/** Frameworks for tests: a youth-justice-like one (12 rated standards, 36 points) and variations of it. */
public final class TestFrameworks {

    private TestFrameworks() {
    }

    public static Rules standardRules() {
        return new Rules("HALF_UP", "LOWEST_KEY_QUESTION",
                List.of(new Band("OUTSTANDING", "large majority", 80, 3),
                        new Band("GOOD", "reasonable majority", 65, 2),
                        new Band("REQUIRES_IMPROVEMENT", "too few", 50, 1),
                        new Band("INADEQUATE", "minority", 0, 0)),
                List.of(new OverallBand("INADEQUATE", new Share(1, 6)),
                        new OverallBand("REQUIRES_IMPROVEMENT", new Share(1, 2)),
                        new OverallBand("GOOD", new Share(5, 6)),
                        new OverallBand("OUTSTANDING", new Share(1, 1))));
    }

    /**
     * Youth justice shape: domain 1 (organisational delivery, 4 judgement standards), domains 2 and 3 (court
     * disposals and out-of-court disposals, 4 case standards each, 2 key questions with 2 prompts each).
     */
    public static Framework youthJustice(String id) {
        List<Standard> organisation = new ArrayList<>();
        String[] names = { "Governance and leadership", "Staff", "Partnerships and services", "Information and facilities" };
        for (int s = 1; s <= 4; s++) {
            organisation.add(new Standard("1." + s, names[s - 1], "JUDGEMENT", "Headline of standard 1." + s, List.of()));
        }
        return new Framework(id, 1, "HMI Probation: youth justice services", standardRules(), List.of(
                new Domain("1", "Organisational delivery", organisation),
                new Domain("2", "Court disposals", caseStandards(2)),
                new Domain("3", "Out-of-court disposals", caseStandards(3))));
    }

    private static List<Standard> caseStandards(int domain) {
        String[] names = { "Assessment", "Planning", "Implementation and delivery", "Reviewing" };
        List<Standard> standards = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            String standardId = domain + "." + s;
            List<KeyQuestion> questions = new ArrayList<>();
            for (int q = 1; q <= 2; q++) {
                String questionId = standardId + "." + q;
                questions.add(new KeyQuestion(questionId, "Key question " + questionId + "?",
                        List.of(new Prompt(questionId + "a", "prompt a"), new Prompt(questionId + "b", "prompt b"))));
            }
            standards.add(new Standard(standardId, names[s - 1], "CASES", "Headline of standard " + standardId, questions));
        }
        return standards;
    }

    /**
     * A valid framework of {@code domains} domains, each of {@code standards} case standards, each of
     * {@code questions} key questions with {@code prompts} prompts (at most 26); every name and text is
     * {@code textLength} characters long.
     */
    public static Framework sized(String id, int domains, int standards, int questions, int prompts, int textLength) {
        String text = "x".repeat(textLength);
        List<Domain> all = new ArrayList<>();
        for (int d = 1; d <= domains; d++) {
            List<Standard> domainStandards = new ArrayList<>();
            for (int s = 1; s <= standards; s++) {
                List<KeyQuestion> keyQuestions = new ArrayList<>();
                for (int q = 1; q <= questions; q++) {
                    String questionId = d + "." + s + "." + q;
                    List<Prompt> questionPrompts = new ArrayList<>();
                    for (int p = 0; p < prompts; p++) {
                        questionPrompts.add(new Prompt(questionId + (char) ('a' + p), text));
                    }
                    keyQuestions.add(new KeyQuestion(questionId, text, questionPrompts));
                }
                domainStandards.add(new Standard(d + "." + s, text, "CASES", text, keyQuestions));
            }
            all.add(new Domain("D" + d, text, domainStandards));
        }
        return new Framework(id, 1, text, standardRules(), all);
    }

    /**
     * A framework that breaks many rules at once. The returned list names the field of each problem a
     * validator must report.
     */
    public static Framework broken() {
        Rules rules = new Rules("HALF_EVEN", "LOWEST_KEY_QUESTION",
                List.of(new Band("OUTSTANDING", "large majority", 80, 3),
                        new Band("GOOD", "reasonable majority", 80, 2), // overlaps the band above
                        new Band("GOOD", "too few", 50, 1), // rating twice
                        new Band("INADEQUATE", "minority", 10, 0)), // 0-9 uncovered
                List.of(new OverallBand("REQUIRES_IMPROVEMENT", new Share(1, 2)),
                        new OverallBand("INADEQUATE", new Share(1, 6)), // out of order
                        new OverallBand("GOOD", new Share(5, 6)))); // never reaches the maximum
        List<Standard> standards = List.of(
                new Standard("1.1", "Leadership", "JUDGEMENT", "h", List.of()),
                new Standard("1.1", "Staff", "JUDGEMENT", "h", List.of()), // duplicate id
                new Standard("1.3", "Services", "SURVEY", "h", List.of()), // bad basis
                new Standard("1.4", "Assessment", "CASES", "h", List.of()), // no key question
                new Standard("1.5", "Planning", "CASES", "h", List.of(
                        new KeyQuestion("1.5.1", "q?", List.of(new Prompt("1.6.1a", "p"))), // foreign prompt
                        new KeyQuestion("1.5.2", "", List.of(new Prompt("1.5.1a", "p")))))); // blank text; prompt id of another question
        return new Framework("Bad Id", 0, "Broken", rules, List.of(new Domain("1", "Domain", standards)));
    }

    /** The field paths the validator must name for {@link #broken()}. */
    public static final List<String> BROKEN_FIELDS = List.of(
            "id", "version", "rules.percentageRounding",
            "rules.bands[1].minPercentage", "rules.bands[2].rating", "rules.bands[3].minPercentage",
            "rules.overallBands[1].maxShareOfMaximum", "rules.overallBands[2].maxShareOfMaximum",
            "domains[0].standards[1].id", "domains[0].standards[2].basis", "domains[0].standards[3].keyQuestions",
            "domains[0].standards[4].keyQuestions[0].prompts[0].id",
            "domains[0].standards[4].keyQuestions[1].text",
            "domains[0].standards[4].keyQuestions[1].prompts[0].id");
}
