package uk.probation.inspection.cases.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.platform.problem.Problem.FieldError;

class CaseRulesTest {

    static final LocalDate FROM = LocalDate.parse("2022-01-24");
    static final LocalDate TO = LocalDate.parse("2022-02-25");

    static CaseInput row(int line, String ref) {
        return new CaseInput(line, null, ref, "COMMUNITY", "COMMUNITY_ORDER", "true", "MALE", "White", "LOW",
                "2022-01-25");
    }

    static List<FieldError> check(CaseInput... cases) {
        return CaseRules.problems(List.of(cases), Set.of("NEW-099"), FROM, TO);
    }

    @Test
    void aNewhamRowIsValid() {
        assertEquals(List.of(), check(row(2, "NEW-001"), new CaseInput(3, null, "NEW-010", "RESETTLEMENT", "LICENCE",
                "false", "MALE", "Asian or Asian British", "VERY_HIGH", "2022-02-25")));
    }

    @Test
    void everyBadFieldIsNamedWithItsCsvLineAndColumn() {
        CaseInput bad = new CaseInput(7, null, "John Smith", "PRISON", "PAROLE", "yes", "M", " ", "EXTREME",
                "24/01/2022");
        List<FieldError> problems = check(row(2, "NEW-001"), bad);
        assertEquals(List.of("case_ref", "cohort", "sentence_type", "young_adult", "gender", "ethnicity",
                "rosh_level", "start_date"), problems.stream().map(FieldError::field).toList());
        assertTrue(problems.stream().allMatch(p -> p.line() == 7));
    }

    @Test
    void jsonErrorsNameTheArrayIndex() {
        CaseInput bad = new CaseInput(null, 3, "NEW-001", "COMMUNITY", "LICENCE", null, "MALE", "White", "LOW",
                "2022-03-01");
        List<String> fields = check(bad).stream().map(FieldError::field).toList();
        assertEquals(List.of("[3].sentenceType", "[3].youngAdult", "[3].startDate"), fields);
    }

    @Test
    void referencesAreUniqueAndNeverNames() {
        List<FieldError> problems = check(row(2, "NEW-001"), row(3, "NEW-001"), row(4, "NEW-099"), row(5, "SMITH"),
                row(6, "new-007"));
        assertEquals(List.of(3, 4, 5, 6), problems.stream().map(FieldError::line).toList());
        assertTrue(problems.get(0).message().contains("line 2"), problems.toString());
        assertTrue(problems.get(1).message().contains("already registered"), problems.toString());
    }

    @Test
    void startDatesLieInTheSampleWindowAndEthnicityIsBounded() {
        CaseInput early = new CaseInput(2, null, "NEW-001", "COMMUNITY", "COMMUNITY_ORDER", "false", "FEMALE",
                "x".repeat(61), "LOW", "2022-01-23");
        List<FieldError> problems = check(early);
        assertEquals(List.of("ethnicity", "start_date"), problems.stream().map(FieldError::field).toList());
        assertTrue(problems.get(1).message().contains("sample window"));
    }

    @Test
    void anEmptyRequestIsAProblem() {
        assertEquals(1, CaseRules.problems(List.of(), Set.of(), FROM, TO).size());
    }
}
