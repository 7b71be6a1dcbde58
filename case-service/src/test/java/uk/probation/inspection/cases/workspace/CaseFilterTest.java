package uk.probation.inspection.cases.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.casefile.AttributeFacts;
import uk.probation.inspection.cases.framework.Framework;

/** The case list's filter and progress come from the framework: its breakdowns and its standards' appliesTo. */
class CaseFilterTest {

    static Framework framework(String id) {
        try (var in = CaseFilterTest.class.getClassLoader().getResourceAsStream("frameworks/" + id + ".json")) {
            return new ObjectMapper().readValue(in, Framework.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final Map<String, Object> COURT = Map.of("disposal", "COURT", "disposalType", "REFERRAL_ORDER",
            "lookedAfter", true, "ageAtStart", "14");

    @Test
    void probationKeepsItsCohortParameterAndYoungAdults() {
        CaseFilter filter = CaseFilter.of(framework("hmip-probation-pdu-2021"));
        assertEquals("cohort", filter.parameter());
        assertEquals(List.of("COMMUNITY", "RESETTLEMENT", "YOUNG_ADULT"),
                filter.options("").stream().map(Views.Option::value).toList());
        Map<String, Object> youngAdult = Map.of("cohort", "COMMUNITY", "youngAdult", true);
        assertTrue(filter.matches(youngAdult, "YOUNG_ADULT") && filter.matches(youngAdult, "COMMUNITY"));
        assertFalse(filter.matches(youngAdult, "RESETTLEMENT"));
        assertEquals("", filter.selected("OUT_OF_COURT"), "an unknown value filters nothing, as before");
        assertEquals("community, young adult (18-24)", filter.describe(youngAdult));
    }

    @Test
    void youthFiltersByDisposalAndLookedAfterChildren() {
        CaseFilter filter = CaseFilter.of(framework("hmip-youth-justice-2021"));
        assertEquals("disposal", filter.parameter());
        assertEquals(List.of("COURT", "OUT_OF_COURT", "LOOKED_AFTER"),
                filter.options("").stream().map(Views.Option::value).toList());
        assertTrue(filter.matches(COURT, "LOOKED_AFTER") && filter.matches(COURT, "COURT"));
        assertFalse(filter.matches(COURT, "OUT_OF_COURT"));
        assertEquals("court, looked-after child", filter.describe(COURT));
    }

    @Test
    void aCourtCaseIsAskedDomainTwoOnlyAndFinishesWithIt() {
        Framework youth = framework("hmip-youth-justice-2021");
        assertEquals(List.of("2.1", "2.2", "2.3", "2.4"),
                CaseProgress.answerable(youth, COURT).stream().map(Framework.Standard::id).toList());
        Set<String> all = youth.questions().keySet().stream().filter(q -> q.startsWith("2.")).collect(
                java.util.stream.Collectors.toSet());
        CaseProgress progress = CaseProgress.of(youth, "YJ-001", "", COURT, all);
        assertTrue(progress.finished(), progress.toString());
        assertEquals(all.size(), progress.total());
        assertFalse(CaseProgress.of(youth, "YJ-002", "", Map.of("disposal", "OUT_OF_COURT"), all).finished());
    }

    @Test
    void factsAreTheDeclaredAttributesInWords() {
        List<AttributeFacts.Fact> facts = AttributeFacts.of(framework("hmip-youth-justice-2021").attributes(), COURT);
        assertEquals("Disposal", facts.get(0).label());
        assertEquals("Court", facts.get(0).value());
        assertEquals("Referral order", facts.get(1).value());
        assertEquals("Not recorded", facts.get(2).value(), "gender was left out here");
        assertEquals("Yes", facts.stream().filter(f -> f.id().equals("lookedAfter")).findFirst().orElseThrow().value());
        List<AttributeFacts.Fact> probation = AttributeFacts.of(framework("hmip-probation-pdu-2021").attributes(),
                Map.of("cohort", "RESETTLEMENT", "startDate", "2022-02-01"));
        assertEquals("1 February 2022", probation.get(probation.size() - 1).value());
    }
}
