package uk.probation.inspection.rating.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.consume.Rebuild;

/** Operations on derived state. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class);

    @Inject
    Rebuild rebuild;

    @Inject
    Caller caller;

    /** Drops the projection and replays case-events from the beginning; answers when the new state is committed. */
    @POST
    @Path("rebuild")
    @RolesAllowed(Caller.ADMIN)
    public Rebuild.Report rebuild() throws Exception {
        LOG.infof("audit: user=%s action=rebuild-ratings", caller.username());
        return rebuild.rebuild();
    }
}
