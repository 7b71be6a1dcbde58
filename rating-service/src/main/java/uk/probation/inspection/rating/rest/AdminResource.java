package uk.probation.inspection.rating.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.platform.consume.DeadLetterReplay;
import uk.probation.inspection.events.Topics;
import uk.probation.inspection.rating.consume.EventProcessor;
import uk.probation.inspection.rating.consume.Rebuild;

/** Operations on derived state. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: derived state", description = "Rebuilding the projection and replaying dead letters (admin)")
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class);

    @Inject
    Rebuild rebuild;

    @Inject
    Caller caller;

    @Inject
    DeadLetterReplay replay;

    @Inject
    EventProcessor processor;

    /** Drops the projection and replays case-events from the beginning; answers when the new state is committed. */
    @POST
    @Path("rebuild")
    @Operation(operationId = "rebuildRatings", summary = "Drop the projection and replay case-events from the beginning",
            description = "Answers when the rebuilt state is committed.")
    @RolesAllowed(Caller.ADMIN)
    public Rebuild.Report rebuild() throws Exception {
        LOG.infof("audit: user=%s action=rebuild-ratings", caller.username());
        return rebuild.rebuild();
    }

    /** Applies case-events' dead letters again, once their cause is mended; what still fails is dead-lettered anew. */
    @POST
    @Path("dead-letters/replay")
    @Operation(operationId = "replayRatingDeadLetters", summary = "Apply case-events' dead letters again, once their cause is mended")
    @RolesAllowed(Caller.ADMIN)
    public DeadLetterReplay.ReplayReport replayDeadLetters() {
        LOG.infof("audit: user=%s action=replay-dead-letters", caller.username());
        return replay.replay(Topics.CASE_EVENTS.name(), events -> processor.process(events, List.of()));
    }
}
