package uk.probation.inspection.cases.workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.inspection.InspectionView;
import uk.probation.inspection.cases.secondreading.SecondReadingService;
import uk.probation.inspection.cases.secondreading.SecondReadingService.AgreementReport;
import uk.probation.inspection.cases.secondreading.SecondReadingService.CaseToRead;
import uk.probation.inspection.cases.secondreading.SecondReadingService.Disagreement;
import uk.probation.inspection.cases.secondreading.SecondReadingService.MyAnswer;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * The second reading's agreement in the workspace, for the lead or quality assurance, through the second-reading API's
 * rules ({@link SecondReadingService}): overall, per key question and per inspector, and the disagreements, each
 * unresolved one with a form to resolve it (keep or change, with a reason). The reader's page: {@link SecondReaderPage}.
 */
@Path("/workspace/inspections/{id}/agreement")
@Produces(MediaType.TEXT_HTML)
public class AgreementPage {

    @CheckedTemplate(basePath = "workspace")
    static class Templates {
        static native TemplateInstance agreement(String user, InspectionView inspection, Views.Nav nav,
                AgreementReport report, List<DisagreementRow> disagreements, FormErrors errors, String message);
    }

    /** One disagreement on the page; {@code anchor} prefixes its form's element ids; {@code errors} its own. */
    public record DisagreementRow(Disagreement d, String anchor, String firstLabel, String secondLabel,
            String resolvedAt, String outcome, String reason, FormErrors errors) {
    }

    /** What a refused form leaves on the page. */
    record Sent(String caseRef, String questionId, String outcome, String reason, FormErrors errors) {
    }

    @Inject
    InspectionAccess access;

    @Inject
    SecondReadingService readings;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.QUALITY_ASSURANCE })
    public TemplateInstance agreement(@PathParam("id") String id, @QueryParam("resolved") String resolved) {
        return agreementPage(id, null, resolved == null ? null : "The disagreement on " + resolved + " was resolved");
    }

    @Transactional
    TemplateInstance agreementPage(String id, Sent sent, String message) {
        Inspection inspection = access.ofTeam(id);
        AgreementReport report = readings.agreement(id);
        List<DisagreementRow> rows = new ArrayList<>();
        for (Disagreement d : report.disagreements()) {
            String anchor = "d-" + d.caseRef() + "-" + d.questionId().replace('.', '-');
            boolean refused = sent != null && sent.caseRef().equals(d.caseRef()) && sent.questionId().equals(d.questionId());
            rows.add(new DisagreementRow(d, anchor, Views.answerLabel(d.firstAnswer()), Views.answerLabel(d.secondAnswer()),
                    d.resolution() == null ? null : Views.when(d.resolution().resolvedAt()),
                    refused ? sent.outcome() : null, refused ? sent.reason() : null,
                    refused ? sent.errors() : FormErrors.NONE));
        }
        return Templates.agreement(caller.username(), access.view(inspection),
                WorkspaceResource.nav(caller, inspection, "agreement"), report, rows,
                sent == null ? FormErrors.NONE : sent.errors(), message);
    }

    @POST
    @Path("{caseRef}/{questionId}")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.QUALITY_ASSURANCE })
    public Response resolve(@PathParam("id") String id, @PathParam("caseRef") String caseRef,
            @PathParam("questionId") String questionId, @FormParam("outcome") String outcome,
            @FormParam("reason") String reason) {
        try {
            readings.resolve(id, caseRef, questionId, new SecondReadingService.Resolve(
                    outcome == null || outcome.isBlank() ? null : outcome, null, reason));
            return WorkspaceResource.seeOther("/workspace/inspections/" + id + "/agreement?resolved="
                    + URLEncoder.encode(caseRef + " " + questionId, StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            String anchor = "d-" + caseRef + "-" + questionId.replace('.', '-');
            FormErrors errors = FormErrors.of(e, Map.of("outcome", anchor + "-outcome", "reason", anchor + "-reason"),
                    anchor + "-outcome");
            return Response.status(e.status()).type(MediaType.TEXT_HTML)
                    .entity(agreementPage(id, new Sent(caseRef, questionId, outcome, reason, errors), null)).build();
        }
    }
}
