package uk.probation.inspection.cases.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import uk.probation.inspection.cases.judgement.Judgement;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/** The lead's judgements of judgement-rated standards: a rating and its rationale, through the judgement API. */
@Path("/workspace/inspections/{id}/judgements")
@Produces(MediaType.TEXT_HTML)
public class JudgementsPage {

    @CheckedTemplate(basePath = "workspace")
    static class Templates {
        static native TemplateInstance judgements(String user, InspectionView inspection, Views.Nav nav,
                List<Views.Judgement> standards, FormErrors errors, String saved);
    }

    @Inject
    InspectionAccess access;

    @Inject
    JudgementWrite write;

    @Inject
    uk.probation.inspection.cases.narrative.NarrativeResource narratives;

    @Inject
    Caller caller;

    /** What a refused save leaves on the page. */
    record Sent(String standardId, String rating, String rationale, String strengths, String areasForImprovement,
            FormErrors errors) {
    }

    @GET
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("saved") String saved) {
        return page(id, null, saved);
    }

    @Transactional
    TemplateInstance page(String id, Sent sent, String saved) {
        Inspection inspection = access.ofTeam(id);
        Framework framework = access.framework(inspection);
        List<Views.Judgement> standards = new ArrayList<>();
        for (Framework.Domain d : framework.domains()) {
            for (Framework.Standard s : d.standards()) {
                if (!Framework.Basis.JUDGEMENT.name().equals(s.basis())) {
                    continue;
                }
                Judgement j = Judgement.<Judgement>find("inspectionId = ?1 and standardId = ?2", inspection.id, s.id())
                        .firstResultOptional().orElse(null);
                String rating = j == null ? null : j.rating;
                String rationale = j == null ? null : j.rationale;
                var narrative = narratives.getNarrative(id, s.id());
                String strengths = String.join("\n\n", narrative.strengths());
                String areas = String.join("\n\n", narrative.areasForImprovement());
                FormErrors errors = FormErrors.NONE;
                if (sent != null && sent.standardId().equals(s.id())) {
                    rating = sent.rating();
                    rationale = sent.rationale();
                    strengths = sent.strengths();
                    areas = sent.areasForImprovement();
                    errors = sent.errors();
                }
                String current = rating;
                List<Views.Option> ratings = framework.ratings().stream()
                        .map(r -> new Views.Option(r, Views.ratingLabel(r), r.equals(current))).toList();
                standards.add(new Views.Judgement("standard-" + Views.anchor(s.id()), s.id(), s.name(), s.headline(), j == null ? null : j.rating,
                        Views.ratingLabel(j == null ? null : j.rating), rationale, strengths, areas,
                        j == null ? 0 : j.version, j == null ? null : j.recordedBy,
                        j == null ? null : Views.when(j.recordedAt), ratings, errors));
            }
        }
        String savedStandard = saved != null && framework.standard(saved).isPresent()
                ? "Judgement for " + saved + " saved" : null;
        FormErrors summary = sent == null ? FormErrors.NONE : sent.errors();
        return Templates.judgements(caller.username(), access.view(inspection),
                WorkspaceResource.nav(caller, inspection, "judgements"), standards, summary, savedStandard);
    }

    @POST
    @Path("/{standardId}")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Response save(@PathParam("id") String id, @PathParam("standardId") String standardId,
            @FormParam("rating") String rating, @FormParam("rationale") String rationale,
            @FormParam("strengths") String strengths, @FormParam("areasForImprovement") String areas) {
        try {
            write.save(id, standardId, blankToNull(rating), rationale, strengths, areas);
            return WorkspaceResource.seeOther("/workspace/inspections/" + id + "/judgements?saved=" + standardId
                    + "#standard-" + Views.anchor(standardId));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            String prefix = "standard-" + Views.anchor(standardId);
            FormErrors errors = FormErrors.of(e, Map.of("rating", prefix + "-rating", "rationale", prefix + "-rationale",
                    "strengths", prefix + "-strengths", "areasForImprovement", prefix + "-areas"), prefix + "-rating");
            return Response.status(e.status()).type(MediaType.TEXT_HTML)
                    .entity(page(id, new Sent(standardId, rating, rationale, strengths, areas, errors), null)).build();
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
