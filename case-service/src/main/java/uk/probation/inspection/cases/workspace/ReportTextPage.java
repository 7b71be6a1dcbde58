package uk.probation.inspection.cases.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.inspection.InspectionView;
import uk.probation.inspection.cases.narrative.NarrativeResource;
import uk.probation.inspection.cases.narrative.NarrativeRules;
import uk.probation.inspection.cases.narrative.StaleReportTextException;
import uk.probation.inspection.cases.workspace.ReportTextViews.Background;
import uk.probation.inspection.cases.workspace.ReportTextViews.Narrative;
import uk.probation.inspection.cases.workspace.ReportTextViews.RecommendationRow;
import uk.probation.inspection.cases.workspace.ReportTextViews.Recommendations;
import uk.probation.inspection.cases.workspace.ReportTextViews.Saved;
import uk.probation.inspection.cases.workspace.ReportTextViews.SectionRow;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * The report's text: each standard's strengths, areas for improvement and cohort sections, the numbered
 * recommendations and the background, through the narrative API (same rules, versions and events). The lead writes,
 * the team reads; the team previews the provisional report on rating-service. A save based on an older version than
 * the one stored is refused and the newer text shown, with what was sent beside it.
 */
@Path("/workspace/inspections/{id}/report")
@Produces(MediaType.TEXT_HTML)
public class ReportTextPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @CheckedTemplate(basePath = "workspace")
    static class Templates {
        static native TemplateInstance reportText(String user, InspectionView inspection, Views.Nav nav, String frozen,
                String previewUrl, List<Narrative> narratives, Recommendations recommendations, Background background,
                FormErrors errors, String saved);
    }

    @Inject
    InspectionAccess access;

    @Inject
    NarrativeResource narratives;

    @Inject
    ReportTextWrite write;

    @Inject
    Caller caller;

    @Inject
    WorkspaceConfig config;

    /** A refused form shown again in place of its stored text: {@code form} is a standard id, "recommendations" or "background". */
    record Refused(String form, Object view, FormErrors errors) {
    }

    @GET
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("saved") String saved) {
        return page(id, null, saved);
    }

    @POST
    @Path("/narrative/{standardId}")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Response saveNarrative(@PathParam("id") String id, @PathParam("standardId") String standardId,
            @FormParam("strengths") String strengths, @FormParam("areasForImprovement") String areas,
            @FormParam("sectionTitle") List<String> titles, @FormParam("sectionText") List<String> texts,
            @FormParam("version") String version) {
        List<NarrativeRules.Section> sections = ReportTextForms.sections(titles, texts);
        String prefix = "narrative-" + Views.anchor(standardId);
        try {
            write.narrative(id, standardId, JudgementWrite.paragraphs(strengths), JudgementWrite.paragraphs(areas),
                    sections, version);
            return WorkspaceResource.seeOther(base(id) + "?saved=" + standardId + "#" + prefix);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            Narrative stored = narrativeView(id, standardId, null);
            if (e instanceof StaleReportTextException stale) {
                String sent = String.join("\n\n", nonNull(strengths), nonNull(areas));
                return refused(id, new Refused(standardId, withSaved(stored, stale(stored.saved(), stale, sent)),
                        staleErrors(stale, prefix + "-strengths")), e);
            }
            FormErrors errors = ReportTextErrors.narrative(e, prefix);
            Narrative sent = new Narrative(stored.anchor(), standardId, stored.name(), stored.judgement(), strengths,
                    areas, sectionRows(sections, errors), new Saved(parse(version), stored.saved().recordedBy(),
                            stored.saved().recordedAt(), null, null), errors);
            return refused(id, new Refused(standardId, sent, errors), e);
        }
    }

    @POST
    @Path("/recommendations")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Response saveRecommendations(@PathParam("id") String id, @FormParam("addressee") List<String> addressees,
            @FormParam("text") List<String> texts, @FormParam("action") String action,
            @FormParam("version") String version) {
        List<NarrativeRules.Recommendation> list = ReportTextForms.recommendations(addressees, texts, action);
        try {
            write.recommendations(id, list, version);
            return WorkspaceResource.seeOther(base(id) + "?saved=recommendations#recommendations");
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            Recommendations stored = recommendationsView(id);
            if (e instanceof StaleReportTextException stale) {
                String sent = String.join("\n\n", list.stream().map(r -> r.addressee() + ": " + r.text()).toList());
                return refused(id, new Refused("recommendations", new Recommendations(stored.rows(),
                        stale(stored.saved(), stale, sent), stored.errors()), staleErrors(stale, "rec-1-addressee")), e);
            }
            FormErrors errors = ReportTextErrors.recommendations(e);
            Recommendations sent = new Recommendations(recommendationRows(list, errors), new Saved(parse(version),
                    stored.saved().recordedBy(), stored.saved().recordedAt(), null, null), errors);
            return refused(id, new Refused("recommendations", sent, errors), e);
        }
    }

    @POST
    @Path("/background")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Response saveBackground(@PathParam("id") String id, @FormParam("interviewsHeld") String interviews,
            @FormParam("meetingsHeld") String meetings, @FormParam("paragraphs") String paragraphs,
            @FormParam("version") String version) {
        try {
            write.background(id, ReportTextForms.count(interviews), ReportTextForms.count(meetings),
                    JudgementWrite.paragraphs(paragraphs), version);
            return WorkspaceResource.seeOther(base(id) + "?saved=background#background");
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            Background stored = backgroundView(id);
            if (e instanceof StaleReportTextException stale) {
                String sent = "Interviews held: " + nonNull(interviews) + "; meetings held: " + nonNull(meetings)
                        + "\n\n" + nonNull(paragraphs);
                return refused(id, new Refused("background", new Background(stored.fieldworkStart(), stored.sampleWindow(),
                        stored.casesInspected(), stored.interviewsHeld(), stored.meetingsHeld(), stored.paragraphs(),
                        stale(stored.saved(), stale, sent), FormErrors.NONE), staleErrors(stale, "interviews-held")), e);
            }
            FormErrors errors = ReportTextErrors.background(e);
            Background sent = new Background(stored.fieldworkStart(), stored.sampleWindow(), stored.casesInspected(),
                    interviews, meetings, paragraphs, new Saved(parse(version), stored.saved().recordedBy(),
                            stored.saved().recordedAt(), null, null), errors);
            return refused(id, new Refused("background", sent, errors), e);
        }
    }

    private Response refused(String id, Refused refused, ProblemException e) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML).entity(page(id, refused, null)).build();
    }

    @Transactional
    TemplateInstance page(String id, Refused refused, String saved) {
        Inspection inspection = access.ofTeam(id);
        Framework framework = access.framework(inspection);
        List<Narrative> standards = new ArrayList<>();
        framework.domains().forEach(d -> d.standards().forEach(s -> standards.add(
                refused != null && refused.form().equals(s.id()) ? (Narrative) refused.view() : narrativeView(id, s.id(), s))));
        Recommendations recommendations = refused != null && refused.form().equals("recommendations")
                ? (Recommendations) refused.view() : recommendationsView(id);
        Background background = refused != null && refused.form().equals("background")
                ? (Background) refused.view() : backgroundView(id);
        Inspection.Status status = inspection.status(Instant.now());
        String frozen = status == Inspection.Status.SCHEDULED || status == Inspection.Status.PUBLISHED
                ? "This inspection is " + status.name().toLowerCase(Locale.ROOT)
                        + ": its report text cannot change until the lead reopens it." : null;
        String savedLabel = saved == null ? null : saved.equals("recommendations") ? "Recommendations saved"
                : saved.equals("background") ? "Background saved"
                : framework.standard(saved).isPresent() ? "Report text for " + saved + " saved" : null;
        return Templates.reportText(caller.username(), access.view(inspection),
                WorkspaceResource.nav(caller, inspection, "report"), frozen,
                config.ratingsUrl() + "/dashboard/report/" + inspection.id, standards, recommendations, background,
                refused == null ? FormErrors.NONE : refused.errors(), savedLabel);
    }

    private Narrative narrativeView(String id, String standardId, Framework.Standard standard) {
        Framework.Standard s = standard != null ? standard
                : access.framework(access.ofTeam(id)).standard(standardId)
                        .orElseThrow(() -> ProblemException.notFound("No standard '" + standardId + "' in this framework"));
        NarrativeResource.NarrativeView n = narratives.getNarrative(id, standardId);
        List<SectionRow> rows = sectionRows(n.cohortSections(), FormErrors.NONE);
        return new Narrative("narrative-" + Views.anchor(standardId), standardId, s.name(),
                Framework.Basis.JUDGEMENT.name().equals(s.basis()), String.join("\n\n", n.strengths()),
                String.join("\n\n", n.areasForImprovement()), rows,
                new Saved(n.version(), n.recordedBy(), n.recordedAt() == null ? null : Views.when(n.recordedAt()), null, null),
                FormErrors.NONE);
    }

    private Recommendations recommendationsView(String id) {
        NarrativeResource.RecommendationsView r = narratives.getRecommendations(id);
        List<NarrativeRules.Recommendation> list = r.recommendations().stream()
                .map(n -> new NarrativeRules.Recommendation(n.addressee(), n.text())).toList();
        return new Recommendations(recommendationRows(list, FormErrors.NONE), new Saved(r.version(), r.recordedBy(),
                r.recordedAt() == null ? null : Views.when(r.recordedAt()), null, null), FormErrors.NONE);
    }

    private Background backgroundView(String id) {
        NarrativeResource.BackgroundView b = narratives.getBackground(id);
        String window = b.sampleFrom() == null ? null : day(b.sampleFrom()) + " to " + day(b.sampleTo());
        return new Background(b.fieldworkStart() == null ? null : "the week of " + day(b.fieldworkStart()), window,
                b.casesInspected(), b.interviewsHeld() == null ? "" : b.interviewsHeld().toString(),
                b.meetingsHeld() == null ? "" : b.meetingsHeld().toString(), String.join("\n\n", b.paragraphs()),
                new Saved(b.version(), b.recordedBy(), b.recordedAt() == null ? null : Views.when(b.recordedAt()), null,
                        null), FormErrors.NONE);
    }

    /** The sections, then one blank row to add another. */
    private static List<SectionRow> sectionRows(List<NarrativeRules.Section> sections, FormErrors errors) {
        List<SectionRow> rows = new ArrayList<>();
        for (int i = 0; i <= sections.size(); i++) {
            int row = i + 1;
            NarrativeRules.Section s = i < sections.size() ? sections.get(i) : null;
            rows.add(new SectionRow(row, s == null ? "" : s.title(), s == null ? "" : String.join("\n\n", s.paragraphs()),
                    errors.forField("section-" + row + "-title"), errors.forField("section-" + row + "-text")));
        }
        return rows;
    }

    /** The recommendations in their order, then one blank row to add another. */
    private static List<RecommendationRow> recommendationRows(List<NarrativeRules.Recommendation> list, FormErrors errors) {
        List<RecommendationRow> rows = new ArrayList<>();
        for (int i = 0; i <= list.size(); i++) {
            int row = i + 1;
            NarrativeRules.Recommendation r = i < list.size() ? list.get(i) : null;
            rows.add(new RecommendationRow(row, i == 0, i == list.size() - 1, r == null, r == null ? "" : r.addressee(),
                    r == null ? "" : r.text(), errors.forField("rec-" + row + "-addressee"),
                    errors.forField("rec-" + row + "-text")));
        }
        return rows;
    }

    private static Saved stale(Saved stored, StaleReportTextException stale, String sent) {
        return new Saved(stored.version(), stored.recordedBy(), stored.recordedAt(),
                stale.recordedBy() == null ? "Someone" : stale.recordedBy(), sent);
    }

    private static Narrative withSaved(Narrative n, Saved saved) {
        return new Narrative(n.anchor(), n.standardId(), n.name(), n.judgement(), n.strengths(), n.areasForImprovement(),
                n.sections(), saved, n.errors());
    }

    private static FormErrors staleErrors(StaleReportTextException stale, String href) {
        return new FormErrors("There is a problem", List.of(new FormErrors.Item("", href,
                (stale.recordedBy() == null ? "Someone" : stale.recordedBy()) + " changed this text since you loaded the"
                        + " page: their version is shown, and what you sent is below it, not saved")));
    }

    private static int parse(String version) {
        return version != null && version.strip().matches("[0-9]{1,9}") ? Integer.parseInt(version.strip()) : 0;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String day(LocalDate date) {
        return date.format(DAY);
    }

    private static String base(String id) {
        return "/workspace/inspections/" + id + "/report";
    }
}
