package uk.probation.inspection.platform.outbox;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * The operator's view of parked outbox rows, in every service: list them, retry one once its cause is fixed (for
 * example a topic's max.message.bytes raised), or discard one that can never be sent, so that the rows of its
 * inspection held behind it flow. Admins only; the payload is never shown (it may hold case data).
 */
@Path("/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Admin: outbox", description = "Parked outbox rows (events the broker refused): list, retry or discard them (admin; docs/events.md)")
public class OutboxAdminResource {

    static final int MAX_LISTED = 500;

    @Inject
    OutboxParking parking;

    @Inject
    OutboxRelay relay;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listParkedOutboxRows", summary = "The parked outbox rows, oldest first (at most 500)")
    @RolesAllowed(Caller.ADMIN)
    public List<ParkedRow> list() throws SQLException {
        return parking.list(MAX_LISTED);
    }

    @GET
    @Path("/{rowId}")
    @Operation(operationId = "getParkedOutboxRow", summary = "One parked outbox row (never its payload)")
    @APIResponse(responseCode = "200", description = "The parked row")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No parked row with this id")
    @RolesAllowed(Caller.ADMIN)
    public ParkedRow get(@PathParam("rowId") String rowId) throws SQLException {
        return parking.find(id(rowId)).orElseThrow(() -> notParked(rowId));
    }

    /** Back into the queue, ahead of the rows it held; parked again (and logged) if the broker still refuses it. */
    @POST
    @Path("/{rowId}/retry")
    @Operation(operationId = "retryParkedOutboxRow", summary = "Put a parked row back into the queue, ahead of the rows it held")
    @APIResponse(responseCode = "200", description = "Back in the queue (state RETRYING)")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No parked row with this id")
    @RolesAllowed(Caller.ADMIN)
    public Released retry(@PathParam("rowId") String rowId) throws SQLException {
        if (!parking.retry(id(rowId))) {
            throw notParked(rowId);
        }
        relay.wake();
        return new Released(id(rowId), "RETRYING");
    }

    /** Given up for good: consumers never see this event; the rows of its key held behind it are sent. */
    @POST
    @Path("/{rowId}/discard")
    @Operation(operationId = "discardParkedOutboxRow", summary = "Give a parked row up for good; the rows it held are sent")
    @APIResponse(responseCode = "200", description = "Discarded (state DISCARDED)")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No parked row with this id")
    @RolesAllowed(Caller.ADMIN)
    public Released discard(@PathParam("rowId") String rowId) throws SQLException {
        if (!parking.discard(id(rowId), caller.username())) {
            throw notParked(rowId);
        }
        relay.wake();
        return new Released(id(rowId), "DISCARDED");
    }

    /** {@code state}: RETRYING (back in the queue) or DISCARDED. */
    @Schema(name = "ReleasedOutboxRow")
    public record Released(long id, @Schema(enumeration = { "RETRYING", "DISCARDED" }) String state) {
    }

    private static long id(String rowId) {
        try {
            return Long.parseLong(rowId);
        } catch (NumberFormatException e) {
            throw notParked(rowId);
        }
    }

    private static ProblemException notParked(String rowId) {
        String shown = rowId.length() > 40 ? rowId.substring(0, 40) + "…" : rowId;
        return ProblemException.notFound("No parked outbox row '" + shown + "'");
    }
}
