package uk.probation.inspection.rating.dashboard;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.projection.FrameworkCache;
import uk.probation.inspection.rating.rest.InspectionAccess;
import uk.probation.inspection.rating.rest.InspectionReads;
import uk.probation.inspection.rating.rest.Readable;
import uk.probation.inspection.rating.rules.RatingRules;

/**
 * {@code GET /dashboard/panel/{id}}: the inspection's provisional ratings, live, as a small page the inspector
 * workspace (case-service) frames beside a case. The figures are rating-service's: case-service never calls it, the
 * browser does. Only the team, who read live figures (the same rule as every read), may open it. The page is a Qute
 * template ({@link PanelView}: each rating with how sure it is); its script re-reads the table's rows from
 * {@code GET /dashboard/panel/{id}/rows} whenever the region's live stream announces this inspection's ratings. It
 * may be framed only by the workspace's origin ({@code pip.panel.frame-ancestors}, {@link PanelFraming}).
 */
@Path("/dashboard/panel/{id}")
public class WorkspacePanelResource {

    @Inject
    InspectionAccess access;

    @Inject
    InspectionReads reads;

    @Inject
    FrameworkCache frameworks;

    @Inject
    @Location("panel/panel.html")
    Template page;

    @Inject
    @Location("panel/rows.html")
    Template rows;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Response panel(@PathParam("id") String id) {
        PanelView view = view(id);
        String html = page.data("panel", view).data("rows", rows.data("panel", view).render()).render();
        // framing headers: PanelFraming
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** The table's rows alone, for the page's script to put in place. */
    @GET
    @Path("rows")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Response rows(@PathParam("id") String id) {
        return Response.ok(rows.data("panel", view(id)).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

    private PanelView view(String id) {
        Readable readable = access.readable(id);
        if (!readable.live()) {
            // viewers read publications on the dashboard, never the live figures
            throw ProblemException.notFound("No inspection '" + id + "'");
        }
        List<uk.probation.inspection.rating.rules.Rating> bands = frameworks.of(readable.header().id()).orElseThrow()
                .rules().bands().stream().map(RatingRules.Band::rating).toList();
        return PanelView.of(reads.ratings(readable), bands);
    }
}
