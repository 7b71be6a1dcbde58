package uk.probation.inspection.cases.casefile;

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
public class CaseResource {

    /** Pages of the case list: a whole Newham-sized sample (33) and far larger ones fit in the first. */
    static final int DEFAULT_PAGE = 500;
    static final int MAX_PAGE = 1_000;

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

    public record AnswerView(String questionId, String answer, String note, int version, String recordedBy,
            Instant recordedAt) {
    }


    @Inject
    CaseService service;

    @Inject
    InspectionAccess access;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
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
