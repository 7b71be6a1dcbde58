package uk.probation.inspection.rating.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.rest.InspectionAccess;

/**
 * {@code GET /dashboard/report/{id}}: the report as {@code GET /inspections/{id}/report} renders it for the team
 * (live, marked provisional), at a browser page path, so the workspace's "preview report" link signs people in
 * (pip.web.paths) where the API path would answer 401. The team only: viewers read the published report.
 */
@Path("/dashboard/report/{id}")
public class TeamReportPreviewResource {

    @Inject
    InspectionAccess access;

    @Inject
    InspectionReportResource reports;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Response preview(@PathParam("id") String id) {
        if (!access.readable(id).live()) {
            throw ProblemException.notFound("No inspection '" + id + "'");
        }
        return reports.report(id, null);
    }
}
