package uk.probation.inspection.cases.judgement;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import uk.probation.inspection.cases.events.CaseEvents;
import uk.probation.inspection.events.cases.JudgementRecorded;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/** Ratings of judgement-rated standards, recorded by the inspection's lead, versioned like answers. */
@Path("/inspections/{id}/judgements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Judgements", description = "Ratings of judgement-rated standards, recorded by the inspection's lead")
public class JudgementResource {

    @Schema(requiredProperties = { "rating", "rationale" })
    public record JudgementBody(
            @Schema(enumeration = { "OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE" }, examples = "GOOD") String rating,
            @Schema(examples = "As published in the Newham report.") String rationale) {
    }

    public record JudgementView(String standardId, String rating, String rationale, int version, boolean changed,
            String recordedBy, Instant recordedAt) {
        static JudgementView of(Judgement j, boolean changed) {
            return new JudgementView(j.standardId, j.rating, j.rationale, j.version, changed, j.recordedBy,
                    j.recordedAt);
        }
    }

    @Schema(name = "JudgementVersion")
    public record VersionView(int version, String from, String to, String rationale, String recordedBy,
            Instant recordedAt) {
    }

    @Inject
    InspectionAccess access;

    @Inject
    CaseEvents events;

    @Inject
    Caller caller;

    @PUT
    @Path("/{standardId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "recordJudgement", summary = "Record the rating of a judgement-rated standard (the lead)")
    @APIResponse(responseCode = "200", description = "Recorded (changed true) or unchanged (changed false)")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Not a lead inspector, or not this inspection's lead")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = ApiErrors.FROZEN)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "Unknown standard, one not rated by judgement, or a bad rating or rationale")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public JudgementView put(@PathParam("id") String id, @PathParam("standardId") String standardId,
            JudgementBody body) {
        Inspection inspection = access.lockForLeadWrite(id);
        JudgementBody b = body == null ? new JudgementBody(null, null) : body;
        List<FieldError> problems = JudgementRules.problems(access.framework(inspection), standardId, b.rating(),
                b.rationale());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("The judgement was not recorded", problems);
        }
        Judgement current = Judgement.<Judgement>find("inspectionId = ?1 and standardId = ?2", inspection.id,
                standardId).firstResultOptional().orElse(null);
        if (current != null && current.rating.equals(b.rating()) && Objects.equals(current.rationale, b.rationale())) {
            return JudgementView.of(current, false);
        }
        String previous = current == null ? null : current.rating;
        if (current == null) {
            current = new Judgement();
            current.id = UUID.randomUUID();
            current.inspectionId = inspection.id;
            current.standardId = standardId;
        }
        current.rating = b.rating();
        current.rationale = b.rationale();
        current.version++;
        current.recordedBy = caller.username();
        current.recordedAt = Instant.now();
        if (current.version == 1) {
            current.persist();
        }
        JudgementVersion version = new JudgementVersion();
        version.id = UUID.randomUUID();
        version.judgementId = current.id;
        version.version = current.version;
        version.previousRating = previous;
        version.rating = current.rating;
        version.rationale = current.rationale;
        version.recordedBy = current.recordedBy;
        version.recordedAt = current.recordedAt;
        version.persist();
        events.append(new JudgementRecorded(inspection.id,
                standardId, current.rating, previous, current.version, current.rationale, current.recordedBy));
        return JudgementView.of(current, true);
    }

    @GET
    @Transactional
    @Operation(operationId = "listJudgements", summary = "The inspection's current judgements (its team)")
    @APIResponse(responseCode = "200", description = "The judgements, by standard")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public List<JudgementView> list(@PathParam("id") String id) {
        Inspection inspection = access.ofTeam(id);
        return Judgement.<Judgement>list("inspectionId = ?1 order by standardId", inspection.id).stream()
                .map(j -> JudgementView.of(j, false)).toList();
    }

    @GET
    @Path("/{standardId}/history")
    @Transactional
    @Operation(operationId = "listJudgementHistory", summary = "Every version of one standard's judgement, oldest first")
    @APIResponse(responseCode = "200", description = "The versions, oldest first")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public List<VersionView> history(@PathParam("id") String id, @PathParam("standardId") String standardId) {
        Inspection inspection = access.ofTeam(id);
        return JudgementVersion.<JudgementVersion>list(
                "judgementId in (select j.id from Judgement j where j.inspectionId = ?1 and j.standardId = ?2)"
                        + " order by version", inspection.id, standardId).stream()
                .map(v -> new VersionView(v.version, v.previousRating, v.rating, v.rationale, v.recordedBy,
                        v.recordedAt))
                .toList();
    }
}
