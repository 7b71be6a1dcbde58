package uk.probation.inspection.cases.casefile;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.answer.Answer;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.web.CsvInput;
import uk.probation.inspection.cases.web.JsonInput;
import uk.probation.inspection.cases.web.MappedIterator;
import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.platform.problem.JsonArrayItems;
import uk.probation.inspection.platform.security.Caller;

/** The case sample of an inspection: registered and read by its team. */
@Path("/inspections/{id}/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "The case sample of an inspection, registered and read by its team")
public class CaseResource {

    static final List<String> CSV_COLUMNS = List.of("case_ref", "cohort", "sentence_type", "young_adult", "gender",
            "ethnicity", "rosh_level", "start_date");

    /** A case in JSON; {@code youngAdult} is taken as sent (boolean or text) and validated with the rest. */
    @Schema(name = "NewCase", description = "A sampled case", requiredProperties = { "caseRef", "cohort", "sentenceType",
                    "youngAdult", "gender", "ethnicity", "roshLevel", "startDate" })
    public record CaseJson(@Schema(examples = "NEW-001") String caseRef,
            @Schema(description = "COMMUNITY or RESETTLEMENT", examples = "COMMUNITY") String cohort,
            @Schema(examples = "COMMUNITY_ORDER") String sentenceType,
            @Schema(type = SchemaType.BOOLEAN, description = "true or false (the strings \"true\"/\"false\" are accepted)")
            Object youngAdult,
            @Schema(examples = "MALE") String gender, @Schema(examples = "White") String ethnicity,
            @Schema(examples = "MEDIUM") String roshLevel,
            @Schema(format = "date", description = "ISO-8601 date within the inspection's sample window",
                    examples = "2022-01-24") String startDate) {
    }

    /**
     * Several cases, for the document only: a named array schema, so that client generators see two named
     * alternatives (one case or a list) rather than an inline array, which some cannot name.
     */
    @Schema(name = "NewCases", description = "Several cases, registered together or not at all")
    static final class CaseJsonList extends java.util.ArrayList<CaseJson> {
        private static final long serialVersionUID = 1L;
    }

    @Schema(name = "CasesRegistered")
    public record Registered(int registered, List<String> caseRefs) {
    }

    public record CaseView(String caseRef, String cohort, String sentenceType, boolean youngAdult, String gender,
            String ethnicity, String roshLevel, String startDate, String registeredBy, Instant registeredAt) {
        static CaseView of(SampledCase c) {
            return new CaseView(c.caseRef, c.cohort, c.sentenceType, c.youngAdult, c.gender, c.ethnicity,
                    c.roshLevel, c.startDate.toString(), c.registeredBy, c.registeredAt);
        }
    }

    @Schema(name = "CaseAnswer")
    public record AnswerView(String questionId, String answer, String note, int version, String recordedBy,
            Instant recordedAt) {
    }

    public record CaseWithAnswers(@com.fasterxml.jackson.annotation.JsonUnwrapped CaseView details, List<AnswerView> answers) {
    }

    @Inject
    CaseService service;

    @Inject
    InspectionAccess access;

    @Inject
    ObjectMapper json;

    // Two methods, one operation: the JSON and CSV bodies are merged into one request body in the document.
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerCases", summary = "Register cases: one case, a JSON array, or CSV",
            description = "The whole request is rejected (422, every bad case or row listed) if any case is bad.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = { CaseJson.class, CaseJsonList.class })))
    @APIResponse(responseCode = "201", description = "Registered; Location names the case when one object was sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Registered.class)))
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = ApiErrors.FROZEN)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "A case breaks a rule (unknown value, date outside the sample window, case ref already registered); nothing was stored")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Response registerJson(@PathParam("id") String id, String body) throws JsonProcessingException {
        boolean array = JsonInput.isArray(body);
        // An array is read case by case while it is checked (CaseService.register), never as a whole list.
        Iterator<CaseInput> inputs = array
                ? JsonArrayItems.of(json, body, CaseJson.class).map(CaseResource::input)
                : JsonInput.objectOrArray(json, body, CaseJson.class).stream().map(c -> input(c, null)).iterator();
        return created(id, service.register(id, inputs), array);
    }

    private static CaseInput input(CaseJson sent, Integer index) {
        CaseJson c = sent == null ? new CaseJson(null, null, null, null, null, null, null, null) : sent;
        return new CaseInput(null, index, c.caseRef(), c.cohort(), c.sentenceType(),
                c.youngAdult() == null ? null : String.valueOf(c.youngAdult()), c.gender(), c.ethnicity(),
                c.roshLevel(), c.startDate());
    }

    @POST
    @Consumes("text/csv")
    @Operation(operationId = "registerCases", summary = "Register cases: one case, a JSON array, or CSV")
    @RequestBody(required = true, content = @Content(mediaType = ApiErrors.CSV,
            schema = @Schema(type = SchemaType.STRING, description = "RFC 4180 CSV, UTF-8, a header row then one case a row; "
                    + "columns: case_ref, cohort, sentence_type, young_adult, gender, ethnicity, rosh_level, start_date "
                    + "(and the csvColumn of each case attribute the framework declares)"),
            examples = @ExampleObject(name = "newham", value = "case_ref,cohort,sentence_type,young_adult,gender,ethnicity,rosh_level,start_date\nNEW-001,COMMUNITY,SUSPENDED_SENTENCE_ORDER,true,MALE,Black or Black British,MEDIUM,2022-01-24\n")))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Registered.class)))
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Response registerCsv(@PathParam("id") String id, String body) {
        Iterator<CsvTable.Row> rows = CsvInput.rows(body, CSV_COLUMNS);
        Iterator<CaseInput> inputs = new MappedIterator<>(rows, r -> new CaseInput(r.line(), null, r.get("case_ref"),
                r.get("cohort"), r.get("sentence_type"), r.get("young_adult"), r.get("gender"), r.get("ethnicity"),
                r.get("rosh_level"), r.get("start_date")));
        return created(id, service.register(id, inputs), true);
    }

    private static Response created(String id, List<SampledCase> cases, boolean many) {
        Registered body = new Registered(cases.size(), cases.stream().map(c -> c.caseRef).toList());
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED).entity(body);
        if (!many && cases.size() == 1) {
            response.location(URI.create("/inspections/" + id + "/cases/" + cases.get(0).caseRef));
        }
        return response.build();
    }

    @GET
    @Transactional
    @Operation(operationId = "listCases", summary = "The inspection's registered cases (its team)")
    @APIResponse(responseCode = "200", description = "The cases, by case ref")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public List<CaseView> list(@PathParam("id") String id) {
        Inspection inspection = access.ofTeam(id);
        return SampledCase.<SampledCase>list("inspectionId = ?1 order by caseRef", inspection.id).stream()
                .map(CaseView::of).toList();
    }

    @GET
    @Path("/{caseRef}")
    @Transactional
    @Operation(operationId = "getCase", summary = "One case with its current answers (its team)")
    @APIResponse(responseCode = "200", description = "The case and its answers")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection or case, or not one the caller may see")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public CaseWithAnswers get(@PathParam("id") String id, @PathParam("caseRef") String caseRef) {
        Inspection inspection = access.ofTeam(id);
        SampledCase c = CaseService.find(inspection.id, caseRef);
        List<String> order = new ArrayList<>(access.framework(inspection).questions().keySet());
        List<AnswerView> answers = Answer.<Answer>list("caseId", c.id).stream()
                .sorted(java.util.Comparator.comparingInt(a -> order.indexOf(a.questionId)))
                .map(a -> new AnswerView(a.questionId, a.answer, a.note, a.version, a.recordedBy, a.recordedAt))
                .toList();
        return new CaseWithAnswers(CaseView.of(c), answers);
    }

}
