package uk.probation.inspection.cases.publication;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.inspection.InspectionView;
import uk.probation.inspection.cases.web.JsonInput;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.security.Caller;

/** Publishing, reopening, and their audit trail (docs/publication.md). */
@Path("/inspections/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Publication", description = "Publishing, reopening and their audit trail (docs/publication.md)")
public class PublicationResource {

    public record PublicationView(int version, Instant visibleFrom, String publishedBy, Instant requestedAt,
            Instant cancelledAt, String cancelledBy) {
    }

    public record ReopeningView(Instant reopenedAt, String reopenedBy, String reason, String fromStatus,
            Integer cancelledVersion) {
    }

    public record Trail(String status, List<PublicationView> publications, List<ReopeningView> reopenings) {
    }

    @Inject
    PublicationService service;

    @Inject
    InspectionAccess access;

    @Inject
    ObjectMapper json;

    /** Publishes now, or (with {@code at}) schedules the embargo lift; 409 lists every unmet precondition. */
    @POST
    @Path("/publish")
    @Operation(operationId = "publishInspection", summary = "Publish now, or schedule publication for an embargo time")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishRequest.class)))
    @APIResponse(responseCode = "200", description = "PUBLISHED, or SCHEDULED until at",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = "Already scheduled or published, or preconditions unmet (each listed in errors)")
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "at is not a future ISO-8601 instant within 366 days")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Not the inspection's lead")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection on the caller's teams")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public InspectionView publish(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType,
            String body) throws JsonProcessingException {
        return service.publish(id, JsonInput.optional(json, contentType, body, PublishRequest.class));
    }

    /** Back to OPEN with a reason; a SCHEDULED publication is cancelled, a visible one stays what viewers see. */
    @POST
    @Path("/reopen")
    @Operation(operationId = "reopenInspection", summary = "Reopen a scheduled or published inspection, with a reason")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReopenRequest.class)))
    @APIResponse(responseCode = "200", description = "OPEN; a scheduled version is cancelled, a visible one stays what viewers see",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = "The inspection is open")
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "reason missing, too long or with control characters")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Not the inspection's lead")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection on the caller's teams")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public InspectionView reopen(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType,
            String body) throws JsonProcessingException {
        return service.reopen(id, JsonInput.optional(json, contentType, body, ReopenRequest.class));
    }

    /**
     * What stands between the inspection and its publication: the unmet preconditions publish's 409 would list (same
     * fields and messages), all of them, read without publishing.
     */
    public record Preconditions(String status, boolean ready, int unmetCount, List<FieldError> unmet) {
    }

    @GET
    @Path("/publication/preconditions")
    @Operation(operationId = "publicationPreconditions", summary = "The unmet preconditions of publishing, as publish's 409 lists them")
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Preconditions preconditions(@PathParam("id") String id) {
        Inspection inspection = access.ofTeam(id);
        List<FieldError> unmet = service.unmet(inspection);
        return new Preconditions(inspection.status(Instant.now()).name(), unmet.isEmpty(), unmet.size(), unmet);
    }

    /** The team's audit trail: every publication version and every reopening, oldest first. */
    @GET
    @Path("/publications")
    @Operation(operationId = "listPublications", summary = "Every publication version and reopening of an inspection (its team)")
    @APIResponse(responseCode = "200", description = "The status, every publication version and every reopening, oldest first")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Trail publications(@PathParam("id") String id) {
        Inspection inspection = access.ofTeam(id);
        return new Trail(inspection.status(Instant.now()).name(),
                Publication.of(inspection.id).stream().map(p -> new PublicationView(p.version, p.visibleFrom,
                        p.publishedBy, p.requestedAt, p.cancelledAt, p.cancelledBy)).toList(),
                Reopening.of(inspection.id).stream().map(r -> new ReopeningView(r.reopenedAt, r.reopenedBy, r.reason,
                        r.fromStatus, r.cancelledVersion)).toList());
    }
}
