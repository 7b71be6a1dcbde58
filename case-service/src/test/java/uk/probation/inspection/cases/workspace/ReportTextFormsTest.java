package uk.probation.inspection.cases.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.cases.narrative.NarrativeRules.Recommendation;
import uk.probation.inspection.cases.narrative.NarrativeRules.Section;

class ReportTextFormsTest {

    static final List<String> WHO = List.of("The PDU", "", "HMPPS", "The region", "");
    static final List<String> WHAT = List.of("A.", "", "B.", "C.", "");

    static List<String> order(List<Recommendation> list) {
        return list.stream().map(Recommendation::text).toList();
    }

    @Test
    void blankRowsAreLeftOutAndTheButtonPressedIsAppliedToItsFormRow() {
        assertEquals(List.of("A.", "B.", "C."), order(ReportTextForms.recommendations(WHO, WHAT, "save")));
        assertEquals(List.of("A.", "C."), order(ReportTextForms.recommendations(WHO, WHAT, "remove-3")));
        assertEquals(List.of("B.", "A.", "C."), order(ReportTextForms.recommendations(WHO, WHAT, "up-3")));
        assertEquals(List.of("A.", "C.", "B."), order(ReportTextForms.recommendations(WHO, WHAT, "down-3")));
        assertEquals(List.of("A.", "B.", "C."), order(ReportTextForms.recommendations(WHO, WHAT, "up-1")),
                "the first cannot move up");
        assertEquals(List.of("A.", "B.", "C."), order(ReportTextForms.recommendations(WHO, WHAT, "down-4")),
                "the last cannot move down");
        assertEquals(List.of("A.", "B.", "C."), order(ReportTextForms.recommendations(WHO, WHAT, "remove-2")),
                "a blank row is no recommendation to remove");
        assertEquals(List.of("A.", "B.", "C."), order(ReportTextForms.recommendations(WHO, WHAT, "remove-x")));
        assertEquals(List.of(), ReportTextForms.recommendations(null, null, null));
    }

    @Test
    void aRowWithOnlyOneHalfIsKeptSoTheRulesCanNameWhatIsMissing() {
        assertEquals(List.of(new Recommendation("", "No addressee.")),
                ReportTextForms.recommendations(List.of(" "), List.of("No addressee."), "save"));
        assertEquals(List.of(new Section("Resettlement", List.of()), new Section("", List.of("Text."))),
                ReportTextForms.sections(List.of("Resettlement", "", ""), List.of("", "Text.", " ")));
    }

    @Test
    void sectionsAreSplitIntoParagraphsAtBlankLines() {
        assertEquals(List.of(new Section("Resettlement", List.of("One.", "Two."))),
                ReportTextForms.sections(List.of(" Resettlement "), List.of("One.\r\n\r\nTwo.\n")));
    }

    @Test
    void countsAreBlankForNotGivenAndAnythingButAWholeNumberIsLeftForTheRulesToRefuse() {
        assertNull(ReportTextForms.count(" "));
        assertEquals(30, ReportTextForms.count(" 30 "));
        assertEquals(-1, ReportTextForms.count("thirty"));
        assertEquals(-1, ReportTextForms.count("-3"));
        assertEquals(-1, ReportTextForms.count("12345678901"));
    }
}
