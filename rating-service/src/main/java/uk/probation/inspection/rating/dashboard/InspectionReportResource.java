package uk.probation.inspection.rating.dashboard;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
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
@Tag(name = "Reports", description = "The inspection report and its data, and each key question's percentage over time")
public class InspectionReportResource {

    static final String CSV = "text/csv";
    static final String REPORT_CSV = "RFC 4180 CSV, UTF-8, one row per key question or prompt and cohort; columns: question_id, kind, "
            + "standard_id, text, cohort, yes, no, not_applicable, relevant, percentage_yes, withheld";
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
    @Operation(operationId = "getInspectionReport", summary = "The inspection report as print-friendly HTML, or (format=csv) its CSV workbook")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, description = "An HTML page")),
            @Content(mediaType = ApiErrors.CSV, schema = @Schema(type = SchemaType.STRING, description = REPORT_CSV)) })
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "format is neither html nor csv")
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public Response report(@PathParam("id") String id,
            @Parameter(description = "html (the default) or csv", schema = @Schema(enumeration = { "html", "csv" }))
            @QueryParam("format") String format) {
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
    @Operation(operationId = "getInspectionReportPdf", summary = "The inspection report as PDF, rendered from the same HTML (a download)")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
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
    @Operation(operationId = "getInspectionWorkbook", summary = "The data workbook as XLSX: ratings, key questions, a sheet per breakdown, User Voice, second-reading agreement (a download)")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public Response reportXlsx(@PathParam("id") String id) {
        Readable readable = access.readable(id);
        ReportBuilder.Inputs in = assembler.inputs(readable);
        ReportData data = reads.report(readable);
        Set<String> keyQuestions = new HashSet<>();
        in.ratings().standards().forEach(s -> s.keyQuestions().forEach(q -> keyQuestions.add(q.id())));
        byte[] book = ReportWorkbook.write(in.ratings(), in.groups(), in.tallies(), data.texts(), keyQuestions,
                in.userVoice(), in.content().agreement());
        return Response.ok(book, XLSX)
                .header("Content-Disposition", "attachment; filename=\"inspection-" + readable.header().id() + ".xlsx\"")
                .build();
    }

    @GET
    @Path("report.csv")
    @Produces(CSV)
    @Operation(operationId = "getInspectionReportCsv", summary = "The report's data as a CSV workbook (a download)")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = ApiErrors.CSV, schema = @Schema(type = SchemaType.STRING, description = REPORT_CSV)))
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public Response reportCsv(@PathParam("id") String id) {
        return csv(reads.report(access.readable(id)));
    }

    /** {@code {"2.2.1":[{"at","yes","no","percentage"}...]}}: each key question's percentage whenever it moved. */
    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getKeyQuestionHistory", summary = "Each key question's percentage whenever it moved, by key question id")
    @APIResponse(responseCode = "200", description = "Key question id to its points, oldest first")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
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
