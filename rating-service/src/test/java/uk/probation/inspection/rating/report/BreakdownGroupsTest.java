package uk.probation.inspection.rating.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.rating.projection.Breakdown;
import uk.probation.inspection.rating.rules.Dimension;

/** The report's groups come from the framework's declared breakdown dimensions, with stable, unambiguous ids. */
class BreakdownGroupsTest {

    private static final Map<String, List<String>> SEEN = Map.of("ethnicity", List.of("ASIAN", "WHITE"));

    @Test
    void probationGroupsKeepTheirIds() {
        BreakdownGroups groups = BreakdownGroups.of(Dimension.PROBATION, d -> SEEN.getOrDefault(d, List.of()));
        assertEquals(List.of("ALL", "COMMUNITY", "RESETTLEMENT", "YOUNG_ADULT", "MALE", "FEMALE", "OTHER", "NOT_RECORDED",
                "ethnicity:ASIAN", "ethnicity:WHITE", "LOW", "MEDIUM", "HIGH", "VERY_HIGH"),
                groups.withAll().stream().map(BreakdownGroups.Group::id).toList());
        BreakdownGroups.Group resettlement = groups.find("RESETTLEMENT").orElseThrow();
        assertEquals(new Breakdown("cohort", "RESETTLEMENT"), resettlement.breakdown());
        assertEquals("Resettlement", resettlement.name());
        assertEquals("Cohort", resettlement.dimensionName());
        assertEquals("Young adult (18-24)", groups.find("YOUNG_ADULT").orElseThrow().name());
        assertEquals(resettlement, groups.find("cohort:resettlement").orElseThrow(), "the qualified form works too");
        assertEquals(BreakdownGroups.ALL, groups.find(null).orElseThrow());
        assertTrue(groups.find("CUSTODY").isEmpty());
        assertTrue(groups.find("gender:RESETTLEMENT").isEmpty(), "a value of another dimension");
        assertEquals(List.of("Community", "Resettlement"),
                groups.comparison().stream().map(BreakdownGroups.Group::name).toList());
    }

    @Test
    void youthValuesSharedByTwoDimensionsAreQualified() throws Exception {
        var framework = new ObjectMapper().readTree(Files.readString(
                Path.of("../case-service/src/main/resources/frameworks/hmip-youth-justice-2021.json")));
        BreakdownGroups groups = BreakdownGroups.of(Dimension.fromJson(framework.path("caseAttributes")),
                d -> SEEN.getOrDefault(d, List.of()));
        List<String> ids = groups.groups().stream().map(BreakdownGroups.Group::id).toList();
        assertEquals(List.of("COURT", "OUT_OF_COURT"), ids.subList(0, 2), "disposal first, as declared");
        assertTrue(ids.containsAll(List.of("roshLevel:LOW", "safetyWellbeingLevel:LOW", "roshLevel:VERY_HIGH",
                "LOOKED_AFTER", "10", "17", "MALE", "ethnicity:WHITE")), ids.toString());
        assertTrue(!ids.contains("LOW") && !ids.contains("disposalType:YOUTH_CAUTION"),
                "ambiguous values are qualified; a dimension not declared for breakdown has no groups");
        assertEquals(new Breakdown("safetyWellbeingLevel", "HIGH"),
                groups.find("safetyWellbeingLevel:HIGH").orElseThrow().breakdown());
        assertTrue(groups.find("LOW").isEmpty(), "an ambiguous bare value names no group");
        assertEquals("Out of court", groups.find("OUT_OF_COURT").orElseThrow().name());
        assertEquals(List.of("Court", "Out of court"),
                groups.comparison().stream().map(BreakdownGroups.Group::name).toList());
        assertEquals("Court and out of court cases", ReportBuilder.heading(List.of("Court", "Out of court")));
        assertEquals("Low, medium and high cases", ReportBuilder.heading(List.of("Low", "Medium", "High")));
    }

    @Test
    void aFrameworkWithoutEnumDimensionsHasNoComparison() {
        BreakdownGroups groups = BreakdownGroups.of(List.of(new Dimension("lookedAfter", "Looked after", "BOOLEAN",
                List.of())), d -> List.of());
        assertEquals(List.of("ALL", "LOOKED_AFTER"), groups.withAll().stream().map(BreakdownGroups.Group::id).toList());
        assertTrue(groups.comparison().isEmpty());
        assertEquals(List.of(), BreakdownGroups.of(List.of(), d -> List.of()).groups());
    }
}
