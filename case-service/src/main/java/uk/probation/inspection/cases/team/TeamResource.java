package uk.probation.inspection.cases.team;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import uk.probation.inspection.cases.events.CaseEvents;
import uk.probation.inspection.events.cases.TeamMemberAdded;
import uk.probation.inspection.events.cases.TeamMemberRemoved;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.secondreading.SecondReading;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * An inspection's team, managed by its lead. Setting a member's role again is a no-op; a changed role is
 * announced as a new team.member.added (consumers keep the latest role per member).
 */
@Path("/inspections/{id}/team")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Team", description = "An inspection's team, managed by its lead")
public class TeamResource {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    @Schema(requiredProperties = "role")
    public record MemberRole(@Schema(enumeration = { "LEAD", "INSPECTOR" }, examples = "INSPECTOR") String role) {
    }

    public record MemberView(String username, String role, String addedBy, Instant addedAt) {
        static MemberView of(TeamMember m) {
            return new MemberView(m.username, m.role.name(), m.addedBy, m.addedAt);
        }
    }

    @Inject
    InspectionAccess access;

    @Inject
    CaseEvents events;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @Operation(operationId = "listTeam", summary = "The inspection's team")
    @APIResponse(responseCode = "200", description = "The members")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public List<MemberView> list(@PathParam("id") String id) {
        Inspection inspection = access.ofTeam(id);
        return TeamMember.of(inspection.id).stream().map(MemberView::of).toList();
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "putTeamMember", summary = "Add a member or change their role; the same role again is a no-op")
    @APIResponse(responseCode = "200", description = "The member as stored")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Not a lead inspector, or not this inspection's lead")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = "The inspection is scheduled or published, this would leave it without a lead, or the user is a second reader of its cases")
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "Bad username or a role other than LEAD or INSPECTOR")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public MemberView put(@PathParam("id") String id, @PathParam("username") String username, MemberRole body) {
        Inspection inspection = access.lockForLeadWrite(id);
        TeamMember.Role role = role(username, body);
        TeamMember member = TeamMember.find(inspection.id, username).orElse(null);
        if (member != null && member.role == role) {
            return MemberView.of(member);
        }
        if (member == null) {
            requireNotSecondReader(inspection, username);
            member = new TeamMember();
            member.inspectionId = inspection.id;
            member.username = username;
            member.addedBy = caller.username();
            member.addedAt = Instant.now();
            member.role = role;
            member.persist();
        } else {
            requireAnotherLead(inspection, member);
            member.role = role;
        }
        events.append(new TeamMemberAdded(inspection.id, username, role.name(), member.subject));
        return MemberView.of(member);
    }

    @DELETE
    @Path("/{username}")
    @Transactional
    @Operation(operationId = "removeTeamMember", summary = "Remove a member from the team")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Not a lead inspector, or not this inspection's lead")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection, or the user is not on its team")
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = "The inspection is scheduled or published, or the user is its only lead")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Response remove(@PathParam("id") String id, @PathParam("username") String username) {
        Inspection inspection = access.lockForLeadWrite(id);
        TeamMember member = TeamMember.find(inspection.id, username)
                .orElseThrow(() -> ProblemException.notFound("'" + username + "' is not on this inspection's team"));
        requireAnotherLead(inspection, member);
        member.delete();
        events.append(new TeamMemberRemoved(inspection.id, username));
        return Response.noContent().build();
    }

    /** A second reader on the team would see the first answers of the cases they read blind. */
    private static void requireNotSecondReader(Inspection inspection, String username) {
        long cases = SecondReading.countOf(inspection.id, username);
        if (cases > 0) {
            throw ProblemException.conflict("'" + username + "' is the reader of a blind second reading of " + cases
                    + (cases == 1 ? " case" : " cases") + " of this inspection; on its team they would see the first"
                    + " answers, so they cannot join it");
        }
    }

    /** An inspection always keeps a lead: someone must be able to manage it and publish it. */
    private static void requireAnotherLead(Inspection inspection, TeamMember leaving) {
        if (leaving.role == TeamMember.Role.LEAD && TeamMember.count("inspectionId = ?1 and role = ?2",
                inspection.id, TeamMember.Role.LEAD) <= 1) {
            throw ProblemException.conflict("'" + leaving.username + "' is the inspection's only lead; add another lead first");
        }
    }

    private static TeamMember.Role role(String username, MemberRole body) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.field("username", "must be 1-100 letters, digits or . _ @ -"));
        }
        TeamMember.Role role = null;
        if (body == null || body.role() == null) {
            errors.add(FieldError.field("role", "is required: LEAD or INSPECTOR"));
        } else {
            try {
                role = TeamMember.Role.valueOf(body.role());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.field("role", "'" + body.role() + "' is not LEAD or INSPECTOR"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The team member is invalid", errors);
        }
        return role;
    }
}
