package uk.probation.inspection.rating.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Coordinates a rebuild with every other writer of the projection, on every replica: one PostgreSQL advisory lock,
 * held until the end of the caller's transaction. Applies, snapshot rounds and publication announcements take it
 * shared (they run side by side); a rebuild takes it exclusively for its whole transaction, so nobody writes to
 * tables it has emptied and is refilling — a write there would be recorded in the inbox but change nothing, or
 * wait on a row the rebuild holds while the rebuild waits on it (deadlock).
 */
@ApplicationScoped
public class ProjectionLock {

    /** One key for the whole projection (hashtext of a name, as the change-sequence lock does). */
    private static final String KEY = "hashtext('rating_projection')";

    @Inject
    Jdbc jdbc;

    /**
     * Takes the lock shared if no rebuild holds it or waits for it; never waits. Shared writers do not wait inside
     * their transaction: a rebuild can take minutes, longer than a transaction or a statement may last, so the
     * caller rolls back and tries again later. PostgreSQL also refuses a new shared holder while a rebuild is
     * queued for the lock, so a steady stream of applies cannot starve a rebuild.
     *
     * @return false when a rebuild is running (or about to): the caller must write nothing
     */
    public boolean tryShared() {
        return jdbc.one("select pg_try_advisory_xact_lock_shared(" + KEY + ")", row -> row.getBoolean(1))
                .orElse(false);
    }

    /** Waits until every shared holder's transaction has ended, then keeps everyone else out until this one ends. */
    public void exclusive() {
        jdbc.one("select pg_advisory_xact_lock(" + KEY + ")", row -> true);
    }
}
