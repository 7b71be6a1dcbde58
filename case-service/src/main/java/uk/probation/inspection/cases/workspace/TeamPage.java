package uk.probation.inspection.cases.workspace;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.inspection.InspectionView;
import uk.probation.inspection.cases.team.TeamMember;
import uk.probation.inspection.cases.team.TeamResource;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/** An inspection's team: everyone on it sees it; its lead adds and removes people (through the team API's rules). */
@Path("/workspace/inspections/{id}/team")
@Produces(MediaType.TEXT_HTML)
public class TeamPage {

    @CheckedTemplate(basePath = "workspace")
    static class Templates {
        static native TemplateInstance team(String user, InspectionView inspection, Views.Nav nav,
                List<Views.Member> members, FormErrors errors, String username, String role, String message);
    }

    private static final Map<String, String> FIELDS = Map.of("username", "username", "role", "role");

    @Inject
    InspectionAccess access;

    @Inject
    TeamResource team;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("added") String added,
            @QueryParam("removed") String removed) {
        String message = added != null ? added + " was added to the team"
                : removed != null ? removed + " was removed from the team" : null;
        return page(id, FormErrors.NONE, null, null, message);
    }

    @Transactional
    TemplateInstance page(String id, FormErrors errors, String username, String role, String message) {
        Inspection inspection = access.ofTeam(id);
        boolean lead = WorkspaceResource.isLead(caller, inspection);
        List<TeamMember> all = TeamMember.of(inspection.id);
        long leads = all.stream().filter(m -> m.role == TeamMember.Role.LEAD).count();
        List<Views.Member> members = all.stream().map(m -> new Views.Member(m.username,
                m.role == TeamMember.Role.LEAD ? "Lead inspector" : "Inspector", m.addedBy, Views.when(m.addedAt),
                lead && (m.role != TeamMember.Role.LEAD || leads > 1))).toList();
        return Templates.team(caller.username(), access.view(inspection), WorkspaceResource.nav(caller, inspection, "team"),
                members, errors, username, role, message);
    }

    @POST
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Response add(@PathParam("id") String id, @FormParam("username") String username,
            @FormParam("role") String role) {
        String name = username == null ? "" : username.strip();
        try {
            team.put(id, name, new TeamResource.MemberRole(role == null || role.isBlank() ? null : role));
            return WorkspaceResource.seeOther("/workspace/inspections/" + id + "/team?added=" + java.net.URLEncoder
                    .encode(name, java.nio.charset.StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).type(MediaType.TEXT_HTML)
                    .entity(page(id, FormErrors.of(e, FIELDS, "username"), username, role, null)).build();
        }
    }

    @POST
    @Path("/{username}/remove")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Response remove(@PathParam("id") String id, @PathParam("username") String username) {
        try {
            team.remove(id, username);
            return WorkspaceResource.seeOther("/workspace/inspections/" + id + "/team?removed=" + java.net.URLEncoder
                    .encode(username, java.nio.charset.StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            if (e.status() == 404 && !e.getMessage().contains("team")) {
                throw e;
            }
            return Response.status(e.status()).type(MediaType.TEXT_HTML)
                    .entity(page(id, FormErrors.of(e, FIELDS, "members"), null, null, null)).build();
        }
    }
}
