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
 * A second reader's cases in the workspace, answered blind through the second-reading API's rules
 * ({@link SecondReadingService}): each case's facts and key questions with the reader's own answers, never the
 * first reading's. The reader is not on the team, so the inspection's other pages stay closed to them.
 */
@Path("/workspace/inspections/{id}/second-reading")
@Produces(MediaType.TEXT_HTML)
public class SecondReaderPage {

    @CheckedTemplate(basePath = "workspace")
    static class Templates {
        static native TemplateInstance secondReading(String user, InspectionView inspection, List<ReaderCase> cases,
                FormErrors errors, String message);
    }

    /** A case to read: its facts, and each key question with the reader's own answer. */
    public record ReaderCase(CaseToRead facts, String anchor, List<ReaderQuestion> questions) {
    }

    public record ReaderQuestion(String id, String text, String anchor, String answerLabel, List<Views.Option> options,
            String error) {
    }

    @Inject
    InspectionAccess access;

    @Inject
    SecondReadingService readings;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.QUALITY_ASSURANCE })
    public TemplateInstance secondReading(@PathParam("id") String id, @QueryParam("saved") String saved) {
        return readerPage(id, null, null, FormErrors.NONE, saved == null ? null : "Your answer to " + saved + " was saved");
    }

    @Transactional
    TemplateInstance readerPage(String id, String caseRef, String questionId, FormErrors errors, String message) {
        Inspection inspection = readings.readersInspection(id);
        List<ReaderCase> cases = new ArrayList<>();
        for (CaseToRead c : readings.mine(id)) {
            List<ReaderQuestion> questions = new ArrayList<>();
            for (SecondReadingService.KeyQuestion q : c.keyQuestions()) {
                String mine = c.answers().stream().filter(a -> a.questionId().equals(q.id())).map(MyAnswer::answer)
                        .findFirst().orElse(null);
                String anchor = "r-" + c.caseRef() + "-" + q.id().replace('.', '-');
                boolean refused = c.caseRef().equals(caseRef) && q.id().equals(questionId);
                questions.add(new ReaderQuestion(q.id(), q.text(), anchor, mine == null ? "Not answered yet"
                        : "Your answer: " + Views.answerLabel(mine), Views.answerOptions(mine),
                        refused ? errors.forField("answer") : null));
            }
            cases.add(new ReaderCase(c, "case-" + c.caseRef(), questions));
        }
        return Templates.secondReading(caller.username(), access.view(inspection), cases, errors, message);
    }

    @POST
    @Path("{caseRef}/{questionId}")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.QUALITY_ASSURANCE })
    public Response answer(@PathParam("id") String id, @PathParam("caseRef") String caseRef,
            @PathParam("questionId") String questionId, @FormParam("answer") String answer) {
        try {
            readings.answer(id, caseRef, questionId, answer == null || answer.isBlank() ? null : answer);
            return WorkspaceResource.seeOther("/workspace/inspections/" + id + "/second-reading?saved="
                    + URLEncoder.encode(caseRef + " " + questionId, StandardCharsets.UTF_8) + "#case-" + caseRef);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            String anchor = "r-" + caseRef + "-" + questionId.replace('.', '-');
            FormErrors errors = FormErrors.of(e, Map.of("answer", anchor + "-YES"), anchor + "-YES");
            return Response.status(e.status()).type(MediaType.TEXT_HTML)
                    .entity(readerPage(id, caseRef, questionId, errors, null)).build();
        }
    }
}
