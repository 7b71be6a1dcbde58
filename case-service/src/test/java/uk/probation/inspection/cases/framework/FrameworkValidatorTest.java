package uk.probation.inspection.cases.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.framework.Framework.Band;
import uk.probation.inspection.cases.framework.Framework.OverallBand;
import uk.probation.inspection.cases.framework.Framework.Rules;
import uk.probation.inspection.cases.framework.Framework.Share;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.TestFrameworks;
import uk.probation.inspection.platform.problem.Problem.FieldError;

class FrameworkValidatorTest {

    static Framework builtIn() {
        return FrameworkCatalog.readResource(new ObjectMapper(), "frameworks/hmip-probation-pdu-2021.json");
    }

    @Test
    void builtInFrameworkIsValidAndMatchesTheDomainReference() {
        Framework framework = builtIn();
        assertEquals(List.of(), FrameworkValidator.validate(framework));
        Map<String, String> basis = framework.domains().stream().flatMap(d -> d.standards().stream())
                .collect(Collectors.toMap(Framework.Standard::id, Framework.Standard::basis));
        assertEquals(Map.of("1.1", "JUDGEMENT", "1.2", "JUDGEMENT", "1.3", "JUDGEMENT", "1.4", "JUDGEMENT",
                "2.1", "CASES", "2.2", "CASES", "2.3", "CASES", "2.4", "CASES", "2.5", "CASES", "2.6", "NONE"), basis);
        long keyQuestions = framework.domains().stream().flatMap(d -> d.standards().stream())
                .mapToLong(s -> s.keyQuestions().size()).sum();
        assertEquals(14, keyQuestions);
        // 14 key questions and 46 prompts in domain.md; every question id of the Newham answers is one of them.
        assertEquals(14 + 46, framework.questions().size());
        java.util.Set<String> answered = Api.golden("answers.csv").lines().skip(1).map(l -> l.split(",")[1])
                .collect(Collectors.toSet());
        assertEquals(39, answered.size());
        assertTrue(framework.questions().keySet().containsAll(answered), answered.toString());
        assertEquals("Does assessment focus sufficiently on keeping other people safe?",
                framework.standard("2.2").orElseThrow().keyQuestions().get(2).text());
        assertEquals(List.of(80, 65, 50, 0), framework.rules().bands().stream().map(Band::minPercentage).toList());
        assertEquals(List.of(3, 2, 1, 0), framework.rules().bands().stream().map(Band::points).toList());
    }

    @Test
    void youthJusticeLikeFrameworkIsValid() {
        Framework youth = TestFrameworks.youthJustice("hmip-youth-justice-test");
        assertEquals(List.of(), FrameworkValidator.validate(youth));
        long rated = youth.domains().stream().flatMap(d -> d.standards().stream())
                .filter(s -> !s.basis().equals("NONE")).count();
        assertEquals(12, rated);
        assertEquals(36, rated * youth.rules().bands().get(0).points());
    }

    @Test
    void everyProblemIsNamed() {
        List<FieldError> problems = FrameworkValidator.validate(TestFrameworks.broken());
        List<String> fields = problems.stream().map(FieldError::field).toList();
        List<String> missing = new ArrayList<>(TestFrameworks.BROKEN_FIELDS);
        missing.removeAll(fields);
        assertTrue(missing.isEmpty(), "not reported: " + missing + " in " + problems);
        assertTrue(problems.stream().allMatch(p -> p.message() != null && !p.message().isBlank()));
    }

    @Test
    void bandsMustStartAtZero() {
        List<FieldError> problems = FrameworkValidator.validate(withBands(List.of(
                new Band("GOOD", "most", 50, 2), new Band("INADEQUATE", "few", 20, 0))));
        assertEquals(List.of("rules.bands[1].minPercentage"), problems.stream().map(FieldError::field).toList());
        assertTrue(problems.get(0).message().contains("below 20"), problems.toString());
    }

    @Test
    void bandsMustNotOverlapOrRewardWorseResults() {
        List<String> fields = FrameworkValidator.validate(withBands(List.of(
                new Band("GOOD", "most", 50, 1), new Band("REQUIRES_IMPROVEMENT", "some", 60, 2),
                new Band("INADEQUATE", "few", 0, 0)))).stream().map(FieldError::field).toList();
        assertEquals(List.of("rules.bands[1].minPercentage", "rules.bands[1].points"), fields);
    }

    @Test
    void bandValuesMustBeSane() {
        List<String> fields = FrameworkValidator.validate(withBands(List.of(
                new Band("EXCELLENT", "", 101, -1), new Band("INADEQUATE", "few", 0, 0)))).stream()
                .map(FieldError::field).toList();
        assertEquals(List.of("rules.bands[0].rating", "rules.bands[0].descriptor", "rules.bands[0].minPercentage",
                "rules.bands[0].points"), fields);
    }

    @Test
    void overallBandsMustAscendToTheFullMaximum() {
        Framework base = TestFrameworks.youthJustice("yj");
        Rules rules = new Rules("HALF_UP", "LOWEST_KEY_QUESTION", base.rules().bands(), List.of(
                new OverallBand("INADEQUATE", new Share(1, 2)), new OverallBand("GOOD", new Share(2, 4)),
                new OverallBand("OUTSTANDING", new Share(3, 2))));
        List<String> fields = FrameworkValidator.validate(new Framework("yj", 1, "n", rules, base.domains()))
                .stream().map(FieldError::field).toList();
        assertEquals(List.of("rules.overallBands[1].maxShareOfMaximum", "rules.overallBands[2].maxShareOfMaximum",
                "rules.overallBands[2].maxShareOfMaximum"), fields);
    }

    @Test
    void aFrameworkNeedsARatedStandardAndItsParts() {
        Framework none = new Framework("x1", 1, "n", TestFrameworks.standardRules(), List.of(
                new Framework.Domain("1", "d", List.of(new Framework.Standard("1.1", "s", "NONE", "h", List.of())))));
        assertEquals(List.of("domains"), FrameworkValidator.validate(none).stream().map(FieldError::field).toList());
        List<String> empty = FrameworkValidator.validate(new Framework(null, null, null, null, null)).stream()
                .map(FieldError::field).toList();
        assertEquals(List.of("id", "version", "name", "rules", "domains"), empty);
        assertEquals(List.of(""), FrameworkValidator.validate(null).stream().map(FieldError::field).toList());
    }

    @Test
    void idsAreUniqueAcrossDomainsStandardsQuestionsAndPrompts() {
        Framework base = TestFrameworks.youthJustice("yj");
        Framework.Standard clash = new Framework.Standard("2", "s", "CASES", "h",
                List.of(new Framework.KeyQuestion("1.1", "q", List.of())));
        List<Framework.Domain> domains = new ArrayList<>(base.domains());
        domains.add(new Framework.Domain("4", "d", List.of(clash)));
        List<FieldError> problems = FrameworkValidator.validate(new Framework("yj", 1, "n", base.rules(), domains));
        assertEquals(List.of("domains[3].standards[0].id", "domains[3].standards[0].keyQuestions[0].id"),
                problems.stream().map(FieldError::field).toList());
        assertTrue(problems.get(0).message().contains("domains[1]"), problems.toString());
    }

    private static Framework withBands(List<Band> bands) {
        Framework base = TestFrameworks.youthJustice("yj");
        Rules rules = new Rules("HALF_UP", "LOWEST_KEY_QUESTION", bands, base.rules().overallBands());
        return new Framework("yj", 1, "n", rules, base.domains());
    }
}
