package uk.probation.inspection.feedback.admin;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.ArrayList;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

import uk.probation.inspection.events.Topics;
import uk.probation.inspection.feedback.inspection.CaseEventsConsumer;
import uk.probation.inspection.platform.consume.DeadLetterReplay;
import uk.probation.inspection.platform.security.Caller;

/** An operator replays feedback-service's dead letters of case-events once their cause is mended. */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: dead letters", description = "Replaying feedback-service's dead letters of case-events (admin)")
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);

    @Inject
    DeadLetterReplay replay;

    @Inject
    CaseEventsConsumer consumer;

    @Inject
    Caller caller;

    @POST
    @Path("replay")
    @Operation(operationId = "replayFeedbackDeadLetters", summary = "Apply case-events' dead letters again, once their cause is mended")
    @RolesAllowed(Caller.ADMIN)
    public DeadLetterReplay.ReplayReport replay() {
        LOG.infof("audit: user=%s action=replay-dead-letters", caller.username());
        return replay.replay(Topics.CASE_EVENTS.name(), events -> consumer.process(events, new ArrayList<>()));
    }
}
