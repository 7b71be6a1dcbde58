package uk.probation.inspection.cases.workspace;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.narrative.NarrativeResource;
import uk.probation.inspection.cases.narrative.NarrativeRules;

/**
 * The report-text forms' writes: the narrative API's own methods (same rules, versions, events, 409 while frozen),
 * each given the version the page showed, so a save based on an older version is refused rather than overwriting.
 * The workspace leaves writing the report to the inspection's lead: the lock is taken as the lead first.
 */
@ApplicationScoped
public class ReportTextWrite {

    @Inject
    InspectionAccess access;

    @Inject
    NarrativeResource narratives;

    /** The standard's prompt facts are kept as they are: the form does not show them. */
    @Transactional
    public void narrative(String id, String standardId, List<String> strengths, List<String> areas,
            List<NarrativeRules.Section> sections, String version) {
        access.lockForLeadWrite(id);
        NarrativeResource.NarrativeView current = narratives.getNarrative(id, standardId);
        narratives.putNarrative(id, standardId, new NarrativeResource.NarrativeBody(strengths, areas, sections,
                current.promptFacts()), version(version));
    }

    @Transactional
    public void recommendations(String id, List<NarrativeRules.Recommendation> list, String version) {
        access.lockForLeadWrite(id);
        narratives.putRecommendations(id, new NarrativeResource.RecommendationsBody(list), version(version));
    }

    @Transactional
    public void background(String id, Integer interviews, Integer meetings, List<String> paragraphs, String version) {
        access.lockForLeadWrite(id);
        narratives.putBackground(id, new NarrativeResource.BackgroundBody(interviews, meetings, paragraphs),
                version(version));
    }

    /** The page always sends the version it showed; a form without one is treated as "no text yet" (0). */
    private static String version(String version) {
        return version == null || version.isBlank() ? "0" : version;
    }
}
