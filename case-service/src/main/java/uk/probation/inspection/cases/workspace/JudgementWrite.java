package uk.probation.inspection.cases.workspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.judgement.JudgementResource;
import uk.probation.inspection.cases.judgement.JudgementRules;
import uk.probation.inspection.cases.narrative.NarrativeResource;
import uk.probation.inspection.cases.narrative.NarrativeRules;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;

/**
 * The lead's judgement form: rating and rationale (judgement API) with the standard's strengths and areas for
 * improvement (narrative API), checked together and written in one transaction, so a refusal of either names every
 * problem of both and leaves both as they were. The narrative's other parts (cohort sections, prompt facts) are kept.
 */
@ApplicationScoped
public class JudgementWrite {

    @Inject
    InspectionAccess access;

    @Inject
    JudgementResource judgements;

    @Inject
    NarrativeResource narratives;

    @Transactional
    public void save(String id, String standardId, String rating, String rationale, String strengths,
            String areasForImprovement) {
        Inspection inspection = access.lockForLeadWrite(id);
        List<String> strengthList = paragraphs(strengths);
        List<String> areaList = paragraphs(areasForImprovement);
        NarrativeResource.NarrativeView current = narratives.getNarrative(id, standardId);
        List<FieldError> problems = new ArrayList<>(JudgementRules.problems(access.framework(inspection), standardId,
                rating, rationale));
        NarrativeRules.narrative(access.framework(inspection), standardId, strengthList, areaList,
                current.cohortSections(), current.promptFacts()).stream()
                .filter(p -> !"standardId".equals(p.field()) || problems.stream().noneMatch(q -> "standardId".equals(q.field())))
                .map(WorkspaceFields::narrativeField).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("The judgement was not recorded", problems);
        }
        judgements.put(id, standardId, new JudgementResource.JudgementBody(rating, rationale));
        narratives.putNarrative(id, standardId, new NarrativeResource.NarrativeBody(strengthList, areaList,
                current.cohortSections(), current.promptFacts()), null);
    }

    /** One paragraph per block of text between blank lines. */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.replace("\r\n", "\n").split("\n\\s*\n")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
    }
}
