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
import uk.probation.inspection.rating.rest.Readable;

/**
 * {@code GET /dashboard/panel/{id}}: the inspection's provisional ratings, live, as a small page the inspector
 * workspace (case-service) frames beside a case. The figures are rating-service's: case-service never calls it, the
 * browser does. Only the team, who read live figures (the same rule as every read), may open it; the page fills its
 * table from {@code GET /inspections/{id}/ratings} and keeps it current from the region's live stream. It may be
 * framed only by the workspace's origin ({@code pip.panel.frame-ancestors}, {@link PanelFraming}).
 */
@Path("/dashboard/panel/{id}")
public class WorkspacePanelResource {

    @Inject
    InspectionAccess access;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Response panel(@PathParam("id") String id) {
        Readable readable = access.readable(id);
        if (!readable.live()) {
            // viewers read publications on the dashboard, never the live figures
            throw ProblemException.notFound("No inspection '" + id + "'");
        }
        String inspectionId = readable.header().id().toString();
        String name = esc(readable.header().name());
        String region = esc(readable.header().region());
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Provisional ratings: %s</title>
                  <link rel="stylesheet" href="/dashboard/panel.css">
                </head>
                <body>
                  <main id="panel" data-inspection="%s" data-region="%s">
                    <h1 class="panel-title">Provisional ratings <span class="panel-caption">%s</span></h1>
                    <p class="panel-overall" id="overall">Loading the ratings…</p>
                    <p class="panel-status" id="status" role="status" aria-live="polite"></p>
                    <table class="panel-table" id="ratings">
                      <caption class="panel-hidden">Provisional rating of each standard, and each key question's yes answers of the relevant cases</caption>
                      <thead><tr><th scope="col">Standard or key question</th><th scope="col">Rating or yes of relevant</th></tr></thead>
                      <tbody></tbody>
                    </table>
                    <noscript><p>These figures update live with JavaScript on. <a href="/inspections/%s/ratings">The ratings as data</a>.</p></noscript>
                  </main>
                  <script src="/dashboard/panel.js"></script>
                </body>
                </html>
                """.formatted(name, inspectionId, region, name, inspectionId);
        // framing headers: PanelFraming
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** The inspection's name and region are entered text: escaped for HTML. */
    static String esc(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
