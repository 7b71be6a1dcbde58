package uk.probation.inspection.platform.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The consumer half of exactly-once-in-effect: an event's id is recorded in the same transaction as its
 * effect, so a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /** Records the event as applied; false when it already was (a duplicate or a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId) {
        return entityManager.createNativeQuery(
                "insert into processed_event (event_id) values (?1) on conflict do nothing")
                .setParameter(1, eventId)
                .executeUpdate() == 1;
    }
}
