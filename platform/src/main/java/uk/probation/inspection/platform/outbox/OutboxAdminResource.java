package uk.probation.inspection.platform.outbox;

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
public class OutboxAdminResource {

    static final int MAX_LISTED = 500;

    @Inject
    OutboxParking parking;

    @Inject
    OutboxRelay relay;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Caller.ADMIN)
    public List<ParkedRow> list() throws SQLException {
        return parking.list(MAX_LISTED);
    }

    @GET
    @Path("/{rowId}")
    @RolesAllowed(Caller.ADMIN)
    public ParkedRow get(@PathParam("rowId") String rowId) throws SQLException {
        return parking.find(id(rowId)).orElseThrow(() -> notParked(rowId));
    }

    /** Back into the queue, ahead of the rows it held; parked again (and logged) if the broker still refuses it. */
    @POST
    @Path("/{rowId}/retry")
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
    @RolesAllowed(Caller.ADMIN)
    public Released discard(@PathParam("rowId") String rowId) throws SQLException {
        if (!parking.discard(id(rowId), caller.username())) {
            throw notParked(rowId);
        }
        relay.wake();
        return new Released(id(rowId), "DISCARDED");
    }

    /** {@code state}: RETRYING (back in the queue) or DISCARDED. */
    public record Released(long id, String state) {
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
