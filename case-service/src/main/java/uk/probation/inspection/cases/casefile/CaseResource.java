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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.answer.Answer;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.web.CsvInput;
import uk.probation.inspection.cases.web.JsonInput;
import uk.probation.inspection.cases.web.MappedIterator;
import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.platform.paging.Page;
import uk.probation.inspection.platform.paging.PageRequest;
import uk.probation.inspection.platform.problem.JsonArrayItems;
import uk.probation.inspection.platform.security.Caller;

/** The case sample of an inspection: registered and read by its team. */
@Path("/inspections/{id}/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "The case sample of an inspection, registered and read by its team")
public class CaseResource {

    /** Pages of the case list: a whole Newham-sized sample (33) and far larger ones fit in the first. */
    static final int DEFAULT_PAGE = 500;
    static final int MAX_PAGE = 1_000;

    /**
     * A case in JSON as the document shows it: the probation framework's attributes. Registration itself reads any
     * framework's declared attributes by id (CaseInput); this record only names the schema for clients.
     */
    @Schema(name = "NewCase", description = "A sampled case of the probation framework; other frameworks' cases carry the "
            + "attributes their framework declares (caseAttributes), by id", requiredProperties = { "caseRef", "cohort", "sentenceType",
                    "youngAdult", "gender", "ethnicity", "roshLevel", "startDate" })
    public record NewCaseDoc(@Schema(examples = "NEW-001") String caseRef,
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
    static final class CaseJsonList extends java.util.ArrayList<NewCaseDoc> {
        private static final long serialVersionUID = 1L;
    }

    @Schema(name = "CasesRegistered")
    public record Registered(int registered, List<String> caseRefs) {
    }

    /** A case as read back: its reference, its attribute values by id, who registered it and when. */
    static Map<String, Object> view(SampledCase c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseRef", c.caseRef);
        view.putAll(CaseValues.of(c));
        view.put("registeredBy", c.registeredBy);
        view.put("registeredAt", c.registeredAt);
        return view;
    }

    @Schema(name = "CaseAnswer")
    public record AnswerView(String questionId, String answer, String note, int version, String recordedBy,
            Instant recordedAt) {
    }

    /** A case as read back with its answers, for the document only: the case attributes depend on the framework. */
    @Schema(name = "CaseWithAnswers", additionalProperties = Schema.True.class, description = "caseRef, each case "
            + "attribute the inspection's framework declares, by its id (probation: cohort, sentenceType, youngAdult, "
            + "gender, ethnicity, roshLevel, startDate), who registered the case and when, and its current answers")
    record CaseWithAnswersDoc(String caseRef, String registeredBy, Instant registeredAt, List<AnswerView> answers) {
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
            schema = @Schema(oneOf = { NewCaseDoc.class, CaseJsonList.class })))
    @APIResponse(responseCode = "201", description = "Registered; Location names the case when one object was sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Registered.class)))
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = ApiErrors.FROZEN)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "A case breaks a rule (unknown value, date outside the sample window, case ref already registered); nothing was stored")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Response registerJson(@PathParam("id") String id, String body) throws JsonProcessingException {
        boolean array = JsonInput.isArray(body);
        // An array is read case by case while it is checked (CaseService.register), never as a whole list.
        List<JsonNode> one = array ? null : JsonInput.objectOrArray(json, body, JsonNode.class);
        return created(id, service.register(id, attributes -> array
                ? JsonArrayItems.of(json, body, JsonNode.class).map((c, index) -> CaseJson.input(c, index, attributes))
                : one.stream().map(c -> CaseJson.input(c, null, attributes)).iterator()), array);
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
        return created(id, service.register(id, attributes -> {
            List<String> columns = new ArrayList<>();
            columns.add("case_ref");
            attributes.forEach(a -> columns.add(a.csvColumn()));
            Iterator<CsvTable.Row> rows = CsvInput.rows(body, columns);
            return new MappedIterator<>(rows, r -> {
                Map<String, String> values = new HashMap<>();
                attributes.forEach(a -> values.put(a.id(), r.get(a.csvColumn())));
                return new CaseInput(r.line(), null, r.get("case_ref"), values);
            });
        }), true);
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
    public RestResponse<List<Map<String, Object>>> list(@PathParam("id") String id,
            @Parameter(description = "Where the page starts: the cursor of the previous page's Link rel=\"next\"")
            @QueryParam(PageRequest.CURSOR) String cursor,
            @Parameter(description = "Cases per page, 1 to " + MAX_PAGE + " (default " + DEFAULT_PAGE + ")")
            @QueryParam(PageRequest.SIZE) String size,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(cursor, size, DEFAULT_PAGE, MAX_PAGE, 1);
        Inspection inspection = access.ofTeam(id);
        // In case reference order; the reference is unique within an inspection, so it is the keyset.
        return Page.<SampledCase, Map<String, Object>>collect(page, (after, limit) -> (after.isEmpty()
                ? SampledCase.<SampledCase>find("inspectionId = ?1 order by caseRef", inspection.id)
                : SampledCase.<SampledCase>find("inspectionId = ?1 and caseRef > ?2 order by caseRef", inspection.id,
                        after.get(0))).range(0, limit - 1).list(),
                c -> List.of(c.caseRef), c -> java.util.Optional.of(view(c))).toResponse(uri);
    }

    @GET
    @Path("/{caseRef}")
    @Transactional
    @Operation(operationId = "getCase", summary = "One case with its current answers (its team)")
    @APIResponse(responseCode = "200", description = "The case and its answers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseWithAnswersDoc.class)))
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection or case, or not one the caller may see")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Map<String, Object> get(@PathParam("id") String id, @PathParam("caseRef") String caseRef) {
        Inspection inspection = access.ofTeam(id);
        SampledCase c = CaseService.find(inspection.id, caseRef);
        List<String> order = new ArrayList<>(access.framework(inspection).questions().keySet());
        List<AnswerView> answers = Answer.<Answer>list("caseId", c.id).stream()
                .sorted(java.util.Comparator.comparingInt(a -> order.indexOf(a.questionId)))
                .map(a -> new AnswerView(a.questionId, a.answer, a.note, a.version, a.recordedBy, a.recordedAt))
                .toList();
        Map<String, Object> view = view(c);
        view.put("answers", answers);
        return view;
    }

}
