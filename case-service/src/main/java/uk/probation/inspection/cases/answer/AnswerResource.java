package uk.probation.inspection.cases.answer;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.casefile.CaseService;
import uk.probation.inspection.cases.casefile.SampledCase;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.web.CsvInput;
import uk.probation.inspection.cases.web.MappedIterator;
import uk.probation.inspection.platform.problem.JsonArrayItems;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.problem.StrictJson;
import uk.probation.inspection.platform.security.Caller;

/** Answers to key questions and prompts, one at a time or in atomic batches, with their history. */
@Path("/inspections/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Answers", description = "Answers to key questions and prompts, one at a time or in atomic batches, with their history")
public class AnswerResource {

    static final List<String> CSV_COLUMNS = List.of("case_ref", "question_id", "answer");

    /** {@code expectedVersion}: the version the writer last saw (0: none yet); see {@link AnswerVersionCheck}. */
    @Schema(requiredProperties = "answer")
    public record AnswerBody(@Schema(enumeration = { "YES", "NO", "NOT_APPLICABLE" }, examples = "YES") String answer,
            @Schema(description = "Optional note", examples = "Seen in the case file") String note,
            @Schema(description = "Optional: the answer's version the writer last saw (0: no answer yet); a different "
                    + "current version is 409 with the current answer. If-Match with the version does the same")
            Integer expectedVersion) {
    }

    @Schema(name = "BatchAnswer", requiredProperties = { "caseRef", "questionId", "answer" })
    public record BatchRow(@Schema(examples = "NEW-001") String caseRef, @Schema(examples = "2.2.1") String questionId,
            @Schema(enumeration = { "YES", "NO", "NOT_APPLICABLE" }, examples = "YES") String answer) {
    }

    public record AnswerView(String caseRef, String questionId, String answer, String note, int version,
            boolean changed, String recordedBy, Instant recordedAt) {
    }

    @Schema(name = "AnswerVersion")
    public record VersionView(int version, String from, String to, String note, String recordedBy,
            Instant recordedAt) {
    }

    @Inject
    AnswerService service;

    @Inject
    InspectionAccess access;

    @Inject
    ObjectMapper json;

    @PUT
    @Path("/cases/{caseRef}/answers/{questionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordAnswer", summary = "Record one answer; the same answer again is a no-op (changed false)")
    @APIResponse(responseCode = "200", description = "Recorded (changed true, version + 1) or unchanged (changed false)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection or case, or not one the caller may see")
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = ApiErrors.FROZEN
            + "; or the answer has changed since the version the writer saw (If-Match, expectedVersion): the current answer is in the problem")
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "The answer is not YES, NO or NOT_APPLICABLE, the question is not in the framework, or the note is too long")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Response put(@PathParam("id") String id, @PathParam("caseRef") String caseRef,
            @PathParam("questionId") String questionId, @Parameter(description = "The answer's version the writer last saw, as its ETag (optional)")
            @HeaderParam("If-Match") String ifMatch, AnswerBody body) {
        AnswerBody b = body == null ? new AnswerBody(null, null, null) : body;
        Integer expected = expectedVersion(ifMatch, b.expectedVersion());
        AnswerService.Recorded r = service.recordOne(id, caseRef, questionId, b.answer(), b.note(), expected);
        Answer a = r.answer();
        return Response.ok(new AnswerView(caseRef, a.questionId, a.answer, a.note, a.version, r.changed(),
                a.recordedBy, a.recordedAt)).tag(new EntityTag(Integer.toString(a.version))).build();
    }

    /** If-Match and expectedVersion may both be sent; they must then agree. */
    static Integer expectedVersion(String ifMatch, Integer inBody) {
        List<FieldError> errors = new java.util.ArrayList<>();
        Integer fromHeader = null;
        try {
            fromHeader = AnswerVersionCheck.fromIfMatch(ifMatch);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.field("If-Match", e.getMessage()));
        }
        if (inBody != null && inBody < 0) {
            errors.add(FieldError.field("expectedVersion", "must be 0 or more (0: no answer yet)"));
        }
        if (errors.isEmpty() && fromHeader != null && inBody != null && !fromHeader.equals(inBody)) {
            errors.add(FieldError.field("expectedVersion", "is " + inBody + " but If-Match says " + fromHeader));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The answer was not recorded", errors);
        }
        return fromHeader != null ? fromHeader : inBody;
    }

    @POST
    @Path("/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordAnswers", summary = "Record a batch of answers, atomically: JSON array or CSV",
            description = "All or nothing: one bad answer rejects the batch (422, every bad one listed).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = BatchRow.class)))
    @APIResponse(responseCode = "200", description = "How many answers were recorded and how many were unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerService.BatchResult.class)))
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = ApiErrors.FROZEN)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "An answer breaks a rule (unknown case or question, bad value); nothing was recorded")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public AnswerService.BatchResult batchJson(@PathParam("id") String id, String text) {
        String body = StrictJson.withoutBom(text);
        if (body == null || !body.stripLeading().startsWith("[")) {
            throw ProblemException.badRequest("A batch of answers is a JSON array of {caseRef, questionId, answer}");
        }
        // Read answer by answer while AnswerService checks them, never as a whole list.
        Iterator<AnswerInput> inputs = JsonArrayItems.of(json, body, BatchRow.class).map((row, i) -> {
            BatchRow r = row == null ? new BatchRow(null, null, null) : row;
            return new AnswerInput(null, i, r.caseRef(), r.questionId(), r.answer());
        });
        return service.recordBatch(id, inputs);
    }

    @POST
    @Path("/answers")
    @Consumes("text/csv")
    @Operation(operationId = "recordAnswers", summary = "Record a batch of answers, atomically: JSON array or CSV")
    @RequestBody(required = true, content = @Content(mediaType = ApiErrors.CSV,
            schema = @Schema(type = SchemaType.STRING, description = "RFC 4180 CSV, UTF-8, a header row then one answer a row; "
                    + "columns: case_ref, question_id, answer (YES, NO or NOT_APPLICABLE)"),
            examples = @ExampleObject(name = "newham", value = "case_ref,question_id,answer\nNEW-001,2.1.1,NOT_APPLICABLE\nNEW-001,2.2.1,YES\n")))
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public AnswerService.BatchResult batchCsv(@PathParam("id") String id, String body) {
        Iterator<AnswerInput> inputs = new MappedIterator<>(CsvInput.rows(body, CSV_COLUMNS),
                r -> new AnswerInput(r.line(), null, r.get("case_ref"), r.get("question_id"), r.get("answer")));
        return service.recordBatch(id, inputs);
    }

    @GET
    @Path("/cases/{caseRef}/answers/{questionId}/history")
    @Transactional
    @Operation(operationId = "listAnswerHistory", summary = "Every version of one answer, oldest first")
    @APIResponse(responseCode = "200", description = "The versions, oldest first")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection, case or question, or not one the caller may see")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public List<VersionView> history(@PathParam("id") String id, @PathParam("caseRef") String caseRef,
            @PathParam("questionId") String questionId) {
        Inspection inspection = access.ofTeam(id);
        SampledCase c = CaseService.find(inspection.id, caseRef);
        if (!access.framework(inspection).isQuestion(questionId)) {
            throw ProblemException.notFound("No question '" + questionId + "' in this inspection's framework");
        }
        return AnswerVersion.<AnswerVersion>list(
                "answerId in (select a.id from Answer a where a.caseId = ?1 and a.questionId = ?2) order by version",
                c.id, questionId).stream()
                .map(v -> new VersionView(v.version, v.previousAnswer, v.answer, v.note, v.recordedBy, v.recordedAt))
                .toList();
    }
}
