package uk.probation.inspection.rating.publication;

import uk.probation.inspection.events.Topics;
import uk.probation.inspection.events.ratings.RatingPublished;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.probation.inspection.platform.outbox.OutboxWriter;
import uk.probation.inspection.rating.dashboard.RatingChangeSignal;
import uk.probation.inspection.rating.projection.Jdbc;
import uk.probation.inspection.rating.projection.ProjectionLock;

/**
 * Writes {@code rating.published} to {@code published-ratings} for each publication version once its time has
 * come, exactly once per version (the flag commits with the outbox row), and moves the inspection's published
 * change sequence so viewers' live streams send it. An embargoed version is announced by the first round after
 * its lift time: nobody has to act.
 */
@ApplicationScoped
public class PublicationAnnouncer {

    private static final Logger LOG = Logger.getLogger(PublicationAnnouncer.class);

    record Due(UUID inspectionId, int version) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    Publications publications;

    @Inject
    OutboxWriter outbox;

    @Inject
    RatingChangeSignal changes;

    @Inject
    ProjectionLock projectionLock;

    /** @return how many versions were announced */
    public int announceDue() {
        int announced = 0;
        try {
            List<Due> due = jdbc.list("""
                    select inspection_id, version from publication where not announced and visible_from <= now()
                    order by visible_from, version limit 200""",
                    row -> new Due(row.getObject(1, UUID.class), row.getInt(2)));
            for (Due version : due) {
                if (QuarkusTransaction.requiringNew().call(() -> announce(version))) {
                    announced++;
                    changes.committed();
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Publications postponed: %s", e.toString()); // still unannounced: the next round tries again
        }
        return announced;
    }

    private boolean announce(Due due) {
        // A rebuild (on any replica) is rewriting the publication rows: announce after its commit, from them.
        if (!projectionLock.tryShared()) {
            return false;
        }
        // The inspection's row lock orders this outbox row after every other of the inspection; an apply or a
        // rebuild holding it makes this wait for the next round.
        boolean locked = jdbc.one("select 1 from inspection where id = ? for update skip locked", row -> true,
                due.inspectionId()).isPresent();
        if (!locked) {
            return false;
        }
        boolean stillDue = jdbc.update("""
                update publication set announced = true
                where inspection_id = ? and version = ? and not announced and visible_from <= now()""",
                due.inspectionId(), due.version()) == 1;
        if (!stillDue) {
            return false;
        }
        var snapshot = jdbc.one("select snapshot from publication where inspection_id = ? and version = ?",
                row -> row.getString(1), due.inspectionId(), due.version()).orElseThrow();
        outbox.append(Topics.PUBLISHED_RATINGS, due.inspectionId().toString(),
                RatingPublished.of(publications.ratingsOf(snapshot)));
        jdbc.one("select pg_advisory_xact_lock(hashtext('rating_change_seq'))", row -> true);
        jdbc.update("update inspection set published_seq = nextval('rating_change_seq') where id = ?",
                due.inspectionId());
        return true;
    }
}
