package uk.probation.inspection.rating.dashboard;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import uk.probation.inspection.platform.problem.Problem;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.rest.InspectionAccess;
import uk.probation.inspection.rating.rest.InspectionReads;
import uk.probation.inspection.rating.rest.Readable;

/**
 * Report exports of one inspection (HTML and CSV) and each key question's percentage over time. Same scope as
 * {@code GET /inspections/{id}/ratings}: anything the caller may not read is 404.
 */
@Path("/inspections/{id}")
public class InspectionReportResource {

    static final String CSV = "text/csv";

    @Inject
    InspectionAccess access;

    @Inject
    InspectionReads reads;

    /** The report as print-friendly HTML; {@code ?format=csv} gives the CSV workbook instead. */
    @GET
    @Path("report")
    @Produces({MediaType.TEXT_HTML, CSV})
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public Response report(@PathParam("id") String id, @QueryParam("format") String format) {
        ReportData data = data(access.readable(id));
        if (format == null || format.equalsIgnoreCase("html")) {
            return Response.ok(ReportHtml.render(data), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        if (format.equalsIgnoreCase("csv")) {
            return csv(data);
        }
        throw ProblemException.invalid("Unknown format",
                List.of(Problem.FieldError.field("format", "expected html or csv")));
    }

    @GET
    @Path("report.csv")
    @Produces(CSV)
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public Response reportCsv(@PathParam("id") String id) {
        return csv(data(access.readable(id)));
    }

    /** {@code {"2.2.1":[{"at","yes","no","percentage"}...]}}: each key question's percentage whenever it moved. */
    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public Map<String, List<KeyQuestionHistory.Point>> history(@PathParam("id") String id) {
        return reads.history(access.readable(id));
    }

    private Response csv(ReportData data) {
        String file = "inspection-" + data.ratings().inspectionId() + ".csv";
        return Response.ok(ReportCsv.render(data), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private ReportData data(Readable readable) {
        return reads.report(readable);
    }
}
