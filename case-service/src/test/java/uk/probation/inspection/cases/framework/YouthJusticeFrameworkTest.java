package uk.probation.inspection.cases.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.casefile.CaseInput;
import uk.probation.inspection.cases.casefile.CaseRules;
import uk.probation.inspection.platform.problem.Problem.FieldError;

/** The shipped youth justice framework as issue #16 describes it, and the rules it brings: attributes, appliesTo. */
class YouthJusticeFrameworkTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Framework youth() {
        return FrameworkCatalog.readResource(JSON, "frameworks/hmip-youth-justice-2021.json");
    }

    @Test
    void itHasThirteenStandardsTwelveCountingThirtySixPoints() {
        Framework youth = youth();
        assertEquals(List.of(), FrameworkValidator.validate(youth));
        List<Framework.Standard> standards = youth.domains().stream().flatMap(d -> d.standards().stream()).toList();
        assertEquals(List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1"),
                standards.stream().map(Framework.Standard::id).toList());
        for (Framework.Standard s : standards) {
            String expectedBasis = List.of("2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3").contains(s.id()) ? "CASES"
                    : "JUDGEMENT";
            assertEquals(expectedBasis, s.basis(), s.id());
            Map<String, String> expectedAppliesTo = s.id().startsWith("2.") ? Map.of("disposal", "COURT")
                    : expectedBasis.equals("CASES") ? Map.of("disposal", "OUT_OF_COURT") : null;
            assertEquals(expectedAppliesTo, s.appliesTo(), s.id());
            assertEquals(!s.id().equals("4.1"), s.counts(), s.id());
            if (expectedBasis.equals("CASES")) {
                // desistance, the child's safety and wellbeing, the safety of other people; each with prompts
                assertEquals(3, s.keyQuestions().size(), s.id());
                assertTrue(s.keyQuestions().get(0).text().contains("desistance"), s.id());
                assertTrue(s.keyQuestions().get(1).text().contains("child safe")
                        || s.keyQuestions().get(1).text().contains("safety of the child"), s.id());
                assertTrue(s.keyQuestions().get(2).text().contains("other people"), s.id());
                s.keyQuestions().forEach(q -> assertTrue(!q.prompts().isEmpty(), q.id()));
            }
        }
        long counted = standards.stream().filter(Framework.Standard::counts).count();
        assertEquals(36, counted * youth.rules().bands().get(0).points());
        assertTrue(youth.description().contains("adapted"), "the file says its questions are adapted");
        assertEquals(List.of("disposal", "disposalType", "gender", "ethnicity", "ageAtStart", "lookedAfter", "roshLevel",
                "safetyWellbeingLevel"), youth.attributes().stream().map(Framework.CaseAttribute::id).toList());
    }

    /** The overall bands as shares of 36 give the published youth reports' ratings (issue #16). */
    @Test
    void publishedYouthScoresFallInTheirBands() {
        List<Framework.OverallBand> bands = youth().rules().overallBands();
        Map<Integer, String> published = new HashMap<>();
        for (int score : new int[] { 3, 5 }) {
            published.put(score, "INADEQUATE");
        }
        for (int score = 8; score <= 18; score++) {
            published.put(score, "REQUIRES_IMPROVEMENT");
        }
        for (int score = 19; score <= 29; score++) {
            published.put(score, "GOOD");
        }
        for (int score = 31; score <= 34; score++) {
            published.put(score, "OUTSTANDING");
        }
        published.forEach((score, rating) -> {
            String band = bands.stream().filter(b -> score * b.maxShareOfMaximum().denominator()
                    <= b.maxShareOfMaximum().numerator() * 36).findFirst().orElseThrow().rating();
            assertEquals(rating, band, "score " + score);
        });
    }

    @Test
    void theProbationFrameworkDeclaresTodaysFieldsUnderTodaysNames() {
        Framework probation = FrameworkCatalog.readResource(JSON, "frameworks/hmip-probation-pdu-2021.json");
        assertEquals(CaseAttributes.PROBATION, probation.caseAttributes());
        assertEquals(CaseAttributes.PROBATION, new Framework("x1", 1, "n", probation.rules(), probation.domains())
                .attributes());
    }

    @Test
    void casesAreCheckedAgainstTheDeclaredAttributesNamingCsvColumns() {
        List<Framework.CaseAttribute> attributes = youth().attributes();
        CaseInput good = youthCase(2, "YJ-001", "COURT", "REFERRAL_ORDER", "true");
        CaseInput wrongType = youthCase(3, "YJ-002", "COURT", "YOUTH_CAUTION", "maybe");
        Map<String, String> missing = new HashMap<>(good.values());
        missing.remove("safetyWellbeingLevel");
        missing.put("ageAtStart", "9");
        CaseInput incomplete = new CaseInput(4, null, "YJ-003", missing);
        List<FieldError> problems = CaseRules.problems(List.of(good, wrongType, incomplete), attributes,
                java.util.Set.of(), java.time.LocalDate.parse("2021-01-01"), java.time.LocalDate.parse("2021-06-30"));
        assertEquals(List.of("3 disposal_type", "3 looked_after", "4 age_at_start", "4 safety_wellbeing_level"),
                problems.stream().map(p -> p.line() + " " + p.field()).toList());
        assertTrue(problems.get(0).message().contains("not allowed when disposal is COURT"), problems.toString());
        assertEquals(Map.of("disposal", "COURT", "disposalType", "REFERRAL_ORDER", "gender", "FEMALE", "ethnicity",
                "White", "ageAtStart", "15", "lookedAfter", true, "roshLevel", "LOW", "safetyWellbeingLevel", "HIGH"),
                CaseRules.typedValues(good, attributes));
    }

    @Test
    void aStandardAppliesOnlyToMatchingCasesAndSaysWhyNot() {
        Framework youth = youth();
        Framework.Standard court = youth.standard("2.1").orElseThrow();
        assertEquals(Optional.empty(), court.notApplicableBecause(Map.of("disposal", "COURT")));
        assertEquals(Optional.of("standard 2.1 applies only to cases with disposal COURT; this case has disposal"
                + " OUT_OF_COURT"), court.notApplicableBecause(Map.of("disposal", "OUT_OF_COURT")));
        assertEquals(Optional.empty(), youth.standard("1.1").orElseThrow().notApplicableBecause(Map.of()));
    }

    /** A court case owes answers to domain 2 only, an out-of-court case to 3.1-3.3 only. */
    @Test
    void publicationAsksOnlyForTheAnswersACaseOwes() {
        Framework youth = youth();
        java.util.Set<String> judged = java.util.Set.of("1.1", "1.2", "1.3", "1.4", "3.4", "4.1");
        Map<String, java.util.Set<String>> answered = new java.util.LinkedHashMap<>();
        java.util.Set<String> court = new java.util.HashSet<>();
        java.util.Set<String> outOfCourt = new java.util.HashSet<>();
        youth.domains().stream().flatMap(d -> d.standards().stream()).filter(s -> s.basis().equals("CASES"))
                .forEach(s -> s.keyQuestions().forEach(q -> (s.id().startsWith("2.") ? court : outOfCourt).add(q.id())));
        answered.put("YJ-001", court);
        answered.put("YJ-002", new java.util.HashSet<>(outOfCourt));
        answered.get("YJ-002").remove("3.3.2");
        Map<String, Map<String, Object>> values = Map.of("YJ-001", Map.of("disposal", "COURT"), "YJ-002",
                Map.of("disposal", "OUT_OF_COURT"));
        List<FieldError> unmet = uk.probation.inspection.cases.publication.PublicationRules.unmet(youth, judged,
                answered, values);
        assertEquals(List.of("cases/YJ-002/answers/3.3.2"), unmet.stream().map(FieldError::field).toList());
    }

    @Test
    void badAttributesAndApplicabilityAreNamed() {
        Framework youth = youth();
        List<Framework.CaseAttribute> attributes = new ArrayList<>(youth.attributes());
        attributes.add(new Framework.CaseAttribute("disposal", null, "COLOUR", null, true, "disposal", false, null,
                null, null));
        attributes.add(new Framework.CaseAttribute("caseRef", null, "ENUM", List.of(), true, "x", true, 10, true,
                new Framework.ValuesWhen("nothing", Map.of())));
        List<Framework.Domain> domains = new ArrayList<>(youth.domains());
        Framework.Standard bad = new Framework.Standard("5.1", "s", "JUDGEMENT", "h", Map.of("colour", "RED"), false,
                List.of());
        domains.add(new Framework.Domain("5", "d", List.of(bad)));
        Framework broken = new Framework(youth.id(), 1, youth.name(), null, youth.rules(), attributes, domains,
                JSON.createObjectNode().put("officerCap", 3));
        List<String> fields = FrameworkValidator.validate(broken).stream().map(FieldError::field).toList();
        assertEquals(List.of("caseAttributes[8].id", "caseAttributes[8].csvColumn", "caseAttributes[8].type",
                "caseAttributes[9].id", "caseAttributes[9].values", "caseAttributes[9].maxLength",
                "caseAttributes[9].withinSampleWindow", "caseAttributes[9].valuesWhen.attribute",
                "domains[4].standards[0].appliesTo", "domains[4].standards[0].appliesTo.colour",
                // the sampling section is read by its rules (issue #20): no maxPerOfficer, no strata
                "sampling.maxPerOfficer", "sampling.strata"), fields);
    }

    static CaseInput youthCase(int line, String ref, String disposal, String type, String lookedAfter) {
        Map<String, String> values = new HashMap<>();
        values.put("disposal", disposal);
        values.put("disposalType", type);
        values.put("gender", "FEMALE");
        values.put("ethnicity", " White ");
        values.put("ageAtStart", "15");
        values.put("lookedAfter", lookedAfter);
        values.put("roshLevel", "LOW");
        values.put("safetyWellbeingLevel", "HIGH");
        return new CaseInput(line, null, ref, values);
    }
}
