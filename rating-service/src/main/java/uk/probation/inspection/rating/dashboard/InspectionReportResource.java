package uk.probation.inspection.rating.dashboard;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import uk.probation.inspection.rating.report.ReportAssembler;
import uk.probation.inspection.rating.report.ReportBuilder;
import uk.probation.inspection.rating.report.ReportRenderer;
import uk.probation.inspection.rating.report.ReportView;
import uk.probation.inspection.rating.report.ReportWorkbook;
import uk.probation.inspection.rating.rest.InspectionAccess;
import uk.probation.inspection.rating.rest.InspectionReads;
import uk.probation.inspection.rating.rest.Readable;

/**
 * The inspection report (HTML, PDF from the same HTML) and its data workbook (XLSX, CSV), and each key question's
 * percentage over time. Same scope as {@code GET /inspections/{id}/ratings}: viewers get the published snapshot, the
 * team live figures marked provisional; anything the caller may not read is 404.
 */
@Path("/inspections/{id}")
public class InspectionReportResource {

    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    InspectionAccess access;

    @Inject
    InspectionReads reads;

    @Inject
    ReportAssembler assembler;

    @Inject
    ReportRenderer renderer;

    /** The report as print-friendly HTML; {@code ?format=csv} gives the CSV workbook instead. */
    @GET
    @Path("report")
    @Produces({MediaType.TEXT_HTML, CSV})
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public Response report(@PathParam("id") String id, @QueryParam("format") String format) {
        Readable readable = access.readable(id);
        if (format == null || format.equalsIgnoreCase("html")) {
            return Response.ok(renderer.html(view(readable)), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        if (format.equalsIgnoreCase("csv")) {
            return csv(reads.report(readable));
        }
        throw ProblemException.invalid("Unknown format",
                List.of(Problem.FieldError.field("format", "expected html or csv (or use report.pdf, report.xlsx)")));
    }

    @GET
    @Path("report.pdf")
    @Produces(PDF)
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public Response reportPdf(@PathParam("id") String id) {
        Readable readable = access.readable(id);
        return Response.ok(renderer.pdf(view(readable)), PDF)
                .header("Content-Disposition", "attachment; filename=\"inspection-" + readable.header().id() + ".pdf\"")
                .build();
    }

    @GET
    @Path("report.xlsx")
    @Produces(XLSX)
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public Response reportXlsx(@PathParam("id") String id) {
        Readable readable = access.readable(id);
        ReportBuilder.Inputs in = assembler.inputs(readable);
        ReportData data = reads.report(readable);
        Set<String> keyQuestions = new HashSet<>();
        in.ratings().standards().forEach(s -> s.keyQuestions().forEach(q -> keyQuestions.add(q.id())));
        byte[] book = ReportWorkbook.write(in.ratings(), in.tallies(), data.texts(), keyQuestions, in.userVoice());
        return Response.ok(book, XLSX)
                .header("Content-Disposition", "attachment; filename=\"inspection-" + readable.header().id() + ".xlsx\"")
                .build();
    }

    @GET
    @Path("report.csv")
    @Produces(CSV)
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public Response reportCsv(@PathParam("id") String id) {
        return csv(reads.report(access.readable(id)));
    }

    /** {@code {"2.2.1":[{"at","yes","no","percentage"}...]}}: each key question's percentage whenever it moved. */
    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public Map<String, List<KeyQuestionHistory.Point>> history(@PathParam("id") String id) {
        return reads.history(access.readable(id));
    }

    private ReportView view(Readable readable) {
        return ReportBuilder.build(assembler.inputs(readable));
    }

    private Response csv(ReportData data) {
        String file = "inspection-" + data.ratings().inspectionId() + ".csv";
        return Response.ok(ReportCsv.render(data), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
