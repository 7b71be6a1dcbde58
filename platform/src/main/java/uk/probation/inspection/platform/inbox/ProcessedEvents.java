package uk.probation.inspection.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * The consumer half of exactly-once-in-effect: an event's id is recorded in the same transaction as its
 * effect, so a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    AgroalDataSource dataSource;

    /** Records the event as applied; false when it already was (a duplicate or a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId) {
        return firstDeliveries(Set.of(eventId)).contains(eventId);
    }

    /**
     * Records a batch of events as applied, in one statement.
     *
     * @return the ids not recorded before (an id given twice counts once)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(Collection<UUID> eventIds) {
        Set<UUID> first = new HashSet<>();
        if (eventIds.isEmpty()) {
            return first;
        }
        // The managed data source enlists this connection in the caller's JTA transaction.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into processed_event (event_id) select distinct unnest(cast(? as uuid[]))
                        on conflict do nothing returning event_id""")) {
            insert.setArray(1, connection.createArrayOf("text",
                    eventIds.stream().map(UUID::toString).toArray(String[]::new)));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    first.add(rows.getObject(1, UUID.class));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed events", e);
        }
    }

    /** Forgets an event recorded in this transaction that was not applied after all (it will be a dead letter). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from processed_event where event_id = ?")) {
            delete.setObject(1, eventId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget a processed event", e);
        }
    }
}
