package uk.probation.inspection.cases.narrative;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.probation.inspection.platform.openapi.ApiErrors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import uk.probation.inspection.cases.casefile.SampledCase;
import uk.probation.inspection.cases.events.CaseEvents;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.narrative.NarrativeRules.Fact;
import uk.probation.inspection.cases.narrative.NarrativeRules.Recommendation;
import uk.probation.inspection.cases.narrative.NarrativeRules.Section;
import uk.probation.inspection.events.cases.BackgroundRecorded;
import uk.probation.inspection.events.cases.NarrativeRecorded;
import uk.probation.inspection.events.cases.RecommendationsRecorded;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * The report's text, written by the team and versioned like answers: each standard's narrative (any team member),
 * the recommendations and the background (the lead). Every change goes out on case-events, so rating-service renders
 * the report without asking this service; like every write, refused (409) while scheduled or published.
 */
@Path("/inspections/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Report text", description = "The report's text, versioned: each standard's narrative (the team), the recommendations and the background (the lead)")
public class NarrativeResource {

    public record NarrativeBody(List<String> strengths, List<String> areasForImprovement, List<Section> cohortSections,
            List<Fact> promptFacts) {
        NarrativeBody normalised() {
            return new NarrativeBody(orEmpty(strengths), orEmpty(areasForImprovement), orEmpty(cohortSections),
                    orEmpty(promptFacts));
        }
    }

    public record NarrativeView(String standardId, List<String> strengths, List<String> areasForImprovement,
            List<Section> cohortSections, List<Fact> promptFacts, int version, boolean changed, String recordedBy,
            Instant recordedAt) {
    }

    public record RecommendationsBody(List<Recommendation> recommendations) {
    }

    /** {@code number} is the position in the list, from 1. */
    public record NumberedRecommendation(int number, String addressee, String text) {
    }

    public record RecommendationsView(List<NumberedRecommendation> recommendations, int version, boolean changed,
            String recordedBy, Instant recordedAt) {
    }

    public record BackgroundBody(Integer interviewsHeld, Integer meetingsHeld, List<String> paragraphs) {
        BackgroundBody normalised() {
            return new BackgroundBody(interviewsHeld, meetingsHeld, orEmpty(paragraphs));
        }
    }

    /** The entered facts beside the ones the inspection already holds (dates) or derives (cases inspected). */
    public record BackgroundView(LocalDate fieldworkStart, LocalDate sampleFrom, LocalDate sampleTo, long casesInspected,
            Integer interviewsHeld, Integer meetingsHeld, List<String> paragraphs, int version, boolean changed,
            String recordedBy, Instant recordedAt) {
    }

    @Schema(name = "ReportTextVersion")
    public record VersionView(int version, Object body, String recordedBy, Instant recordedAt) {
    }

    static final String IF_MATCH = "The version of this text the writer last saw (0: none yet), optional";

    static final String STALE_OR_FROZEN = ApiErrors.FROZEN
            + "; or the text has changed since the version the writer saw (If-Match): nothing is written";

    @Inject
    InspectionAccess access;

    @Inject
    ReportTexts texts;

    @Inject
    CaseEvents events;

    @PUT
    @Path("/standards/{standardId}/narrative")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "recordNarrative", summary = "Record a standard's narrative: strengths, areas for improvement, cohort sections and prompt facts (the team)")
    @APIResponse(responseCode = "200", description = "Recorded with its new version (changed true), or the same text again (changed false)")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = STALE_OR_FROZEN)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "Unknown standard, too many or too long paragraphs, sections or facts, or a fact whose question, cohort or template is not allowed")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public NarrativeView putNarrative(@PathParam("id") String id, @PathParam("standardId") String standardId,
            NarrativeBody body,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Inspection inspection = access.lockForTeamWrite(id);
        NarrativeBody b = (body == null ? new NarrativeBody(null, null, null, null) : body).normalised();
        List<FieldError> problems = NarrativeRules.narrative(access.framework(inspection), standardId, b.strengths(),
                b.areasForImprovement(), b.cohortSections(), b.promptFacts());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("The narrative was not recorded", problems);
        }
        ReportTexts.Recorded recorded = record(inspection, ReportText.standardPart(standardId), b, ifMatch);
        if (recorded.changed()) {
            events.append(new NarrativeRecorded(inspection.id, standardId, recorded.text().version, b.strengths(),
                    b.areasForImprovement(),
                    b.cohortSections().stream().map(s -> new NarrativeRecorded.CohortSection(s.title(), s.paragraphs() == null
                            ? List.of() : s.paragraphs())).toList(),
                    b.promptFacts().stream().map(f -> new NarrativeRecorded.PromptFact(f.questionId(), f.cohort(),
                            f.template())).toList(),
                    recorded.text().recordedBy));
        }
        return narrativeView(standardId, recorded.text(), recorded.changed());
    }

    @GET
    @Path("/standards/{standardId}/narrative")
    @Transactional
    @Operation(operationId = "getNarrative", summary = "A standard's current narrative (the team)")
    @APIResponse(responseCode = "200", description = "The narrative; version 0 and empty lists when none was written")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection or standard, or not an inspection the caller may see")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public NarrativeView getNarrative(@PathParam("id") String id, @PathParam("standardId") String standardId) {
        Inspection inspection = access.ofTeam(id);
        if (access.framework(inspection).standard(standardId).isEmpty()) {
            throw ProblemException.notFound("No standard '" + standardId + "' in this inspection's framework");
        }
        return narrativeView(standardId, ReportText.find(inspection.id, ReportText.standardPart(standardId)).orElse(null),
                false);
    }

    /** Every standard's narrative, in framework order (an empty one, version 0, where nothing was written). */
    @GET
    @Path("/narratives")
    @Transactional
    @Operation(operationId = "listNarratives", summary = "Every standard's current narrative, in framework order (the team)")
    @APIResponse(responseCode = "200", description = "One narrative per standard (version 0 where nothing was written)")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public List<NarrativeView> narratives(@PathParam("id") String id) {
        Inspection inspection = access.ofTeam(id);
        List<NarrativeView> views = new ArrayList<>();
        access.framework(inspection).domains().forEach(d -> d.standards().forEach(s -> views.add(narrativeView(s.id(),
                ReportText.find(inspection.id, ReportText.standardPart(s.id())).orElse(null), false))));
        return views;
    }

    @GET
    @Path("/standards/{standardId}/narrative/history")
    @Transactional
    @Operation(operationId = "listNarrativeHistory", summary = "Every version of a standard's narrative, oldest first")
    @APIResponse(responseCode = "200", description = "The versions, oldest first")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public List<VersionView> narrativeHistory(@PathParam("id") String id, @PathParam("standardId") String standardId) {
        return history(access.ofTeam(id), ReportText.standardPart(standardId), NarrativeBody.class);
    }

    @PUT
    @Path("/recommendations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "recordRecommendations", summary = "Replace the report's recommendations, numbered from 1 (the lead)")
    @APIResponse(responseCode = "200", description = "Recorded with its new version (changed true), or the same list again (changed false); an empty list clears them")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Not a lead inspector, or not this inspection's lead")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = STALE_OR_FROZEN)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "Missing list, more than 50 recommendations, or an addressee or text missing or too long")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public RecommendationsView putRecommendations(@PathParam("id") String id, RecommendationsBody body,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Inspection inspection = access.lockForLeadWrite(id);
        List<Recommendation> list = body == null ? null : body.recommendations();
        List<FieldError> problems = NarrativeRules.recommendations(list);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("The recommendations were not recorded", problems);
        }
        ReportTexts.Recorded recorded = record(inspection, ReportText.RECOMMENDATIONS, new RecommendationsBody(list),
                ifMatch);
        if (recorded.changed()) {
            events.append(new RecommendationsRecorded(inspection.id, recorded.text().version,
                    list.stream().map(r -> new RecommendationsRecorded.Recommendation(r.addressee(), r.text())).toList(),
                    recorded.text().recordedBy));
        }
        return recommendationsView(recorded.text(), recorded.changed());
    }

    @GET
    @Path("/recommendations")
    @Transactional
    @Operation(operationId = "getRecommendations", summary = "The report's current recommendations (the team)")
    @APIResponse(responseCode = "200", description = "The recommendations; version 0 and an empty list when none were written")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public RecommendationsView getRecommendations(@PathParam("id") String id) {
        Inspection inspection = access.ofTeam(id);
        return recommendationsView(ReportText.find(inspection.id, ReportText.RECOMMENDATIONS).orElse(null), false);
    }

    @GET
    @Path("/recommendations/history")
    @Transactional
    @Operation(operationId = "listRecommendationsHistory", summary = "Every version of the recommendations, oldest first")
    @APIResponse(responseCode = "200", description = "The versions, oldest first")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public List<VersionView> recommendationsHistory(@PathParam("id") String id) {
        return history(access.ofTeam(id), ReportText.RECOMMENDATIONS, RecommendationsBody.class);
    }

    @PUT
    @Path("/background")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "recordBackground", summary = "Record the report's background: interviews and meetings held, and its paragraphs (the lead)")
    @APIResponse(responseCode = "200", description = "Recorded (changed true) or unchanged (changed false), beside the fieldwork and sample dates and the cases inspected")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Not a lead inspector, or not this inspection's lead")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = STALE_OR_FROZEN)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "A count outside 0 to 100,000, or too many or too long paragraphs")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public BackgroundView putBackground(@PathParam("id") String id, BackgroundBody body,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Inspection inspection = access.lockForLeadWrite(id);
        BackgroundBody b = (body == null ? new BackgroundBody(null, null, null) : body).normalised();
        List<FieldError> problems = NarrativeRules.background(b.interviewsHeld(), b.meetingsHeld(), b.paragraphs());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("The background was not recorded", problems);
        }
        ReportTexts.Recorded recorded = record(inspection, ReportText.BACKGROUND, b, ifMatch);
        if (recorded.changed()) {
            events.append(new BackgroundRecorded(inspection.id, recorded.text().version, b.interviewsHeld(),
                    b.meetingsHeld(), b.paragraphs(), recorded.text().recordedBy));
        }
        return backgroundView(inspection, recorded.text(), recorded.changed());
    }

    @GET
    @Path("/background")
    @Transactional
    @Operation(operationId = "getBackground", summary = "The report's current background (the team)")
    @APIResponse(responseCode = "200", description = "The background; version 0 when none was written")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public BackgroundView getBackground(@PathParam("id") String id) {
        Inspection inspection = access.ofTeam(id);
        return backgroundView(inspection, ReportText.find(inspection.id, ReportText.BACKGROUND).orElse(null), false);
    }

    @GET
    @Path("/background/history")
    @Transactional
    @Operation(operationId = "listBackgroundHistory", summary = "Every version of the background, oldest first")
    @APIResponse(responseCode = "200", description = "The versions, oldest first")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public List<VersionView> backgroundHistory(@PathParam("id") String id) {
        return history(access.ofTeam(id), ReportText.BACKGROUND, BackgroundBody.class);
    }

    private NarrativeView narrativeView(String standardId, ReportText text, boolean changed) {
        if (text == null) {
            return new NarrativeView(standardId, List.of(), List.of(), List.of(), List.of(), 0, false, null, null);
        }
        NarrativeBody b = texts.read(text.body, NarrativeBody.class).normalised();
        return new NarrativeView(standardId, b.strengths(), b.areasForImprovement(), b.cohortSections(), b.promptFacts(),
                text.version, changed, text.recordedBy, text.recordedAt);
    }

    private RecommendationsView recommendationsView(ReportText text, boolean changed) {
        if (text == null) {
            return new RecommendationsView(List.of(), 0, false, null, null);
        }
        List<Recommendation> list = texts.read(text.body, RecommendationsBody.class).recommendations();
        List<NumberedRecommendation> numbered = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            numbered.add(new NumberedRecommendation(i + 1, list.get(i).addressee(), list.get(i).text()));
        }
        return new RecommendationsView(numbered, text.version, changed, text.recordedBy, text.recordedAt);
    }

    private BackgroundView backgroundView(Inspection inspection, ReportText text, boolean changed) {
        long cases = SampledCase.count("inspectionId", inspection.id);
        BackgroundBody b = text == null ? new BackgroundBody(null, null, List.of())
                : texts.read(text.body, BackgroundBody.class).normalised();
        return new BackgroundView(inspection.fieldworkStart, inspection.sampleFrom, inspection.sampleTo, cases,
                b.interviewsHeld(), b.meetingsHeld(), b.paragraphs(), text == null ? 0 : text.version, changed,
                text == null ? null : text.recordedBy, text == null ? null : text.recordedAt);
    }

    /** The one write of every part: If-Match (optional) is the version the writer saw, 0 when there was none. */
    private ReportTexts.Recorded record(Inspection inspection, String part, Object body, String ifMatch) {
        return texts.record(inspection.id, part, body, expectedVersion(ifMatch));
    }

    /** If-Match as a version: {@code 3} or the ETag form {@code "3"}; absent: no check. */
    static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.length() > 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.matches("[0-9]{1,9}")) {
            return Integer.parseInt(v);
        }
        throw ProblemException.invalid("The text was not recorded", List.of(FieldError.field("If-Match",
                "must be the version the writer last saw, e.g. 3 (0: none yet)")));
    }

    private List<VersionView> history(Inspection inspection, String part, Class<?> type) {
        return texts.history(inspection.id, part).stream()
                .map(v -> new VersionView(v.version, texts.read(v.body, type), v.recordedBy, v.recordedAt)).toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
