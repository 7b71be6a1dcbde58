package uk.probation.inspection.rating.dashboard;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.common.annotation.Blocking;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * {@code GET /regions/{region}/ratings/stream}: Server-Sent Events of the region's inspections the caller may read
 * (same scope as {@code GET /regions/{region}/ratings}). Event {@code rating}, data = the inspection's ratings
 * (as {@code GET /inspections/{id}/ratings}), id = its change sequence. First every current row, then each row
 * again whenever it changes; with {@code Last-Event-ID} only the rows changed after that id. The stream stays open
 * only when the request accepts {@code text/event-stream}. Team members get live figures; viewers the publication
 * they may see (id = its published sequence). When the caller's token expires the stream sends a last event
 * {@code expired} and ends: the client reconnects with a fresh token.
 */
@Path("/regions/{region}/ratings/stream")
@Tag(name = "Regions", description = "Every inspection of a region the caller may read, with its ratings")
public class RegionStreamResource {

    @Inject
    Caller caller;

    @Inject
    RegionStreams streams;

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    @Blocking
    @Operation(operationId = "streamRegionRatings", summary = "Server-Sent Events: the region's ratings now, then each change",
            description = "Event rating, data = an inspection's ratings (as getInspectionRatings), id = its change sequence. "
                    + "With Last-Event-ID only rows changed after it. Stays open only when the request accepts text/event-stream; "
                    + "a last event expired when the token expires.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "A region outside the viewer's region claim")
    public void stream(@PathParam("region") String region,
            @Parameter(description = "Resume after this event id") @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(hidden = true) @HeaderParam("Accept") String accept, @Context SseEventSink sink, @Context Sse sse) {
        // The token's exp (seconds): the stream is closed then, with a last "expired" event, as a request would be refused.
        long exp = token.getExpirationTime();
        StreamScope scope = StreamScope.of(caller, exp > 0 ? Instant.ofEpochSecond(exp) : null);
        if (!scope.mayListRegion(region)) {
            throw ProblemException.notFound("No region " + region);
        }
        // Only a client that asks for an event stream (EventSource does) is kept open; anything else (curl's
        // */*) gets the current rows in the same format and the response ends.
        boolean live = accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(MediaType.SERVER_SENT_EVENTS);
        streams.open(region, scope, since(lastEventId), sink, sse, live);
    }

    /** An unreadable Last-Event-ID starts afresh: the client gets every current row, nothing is missed. */
    static long since(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            return Math.max(-1, Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
