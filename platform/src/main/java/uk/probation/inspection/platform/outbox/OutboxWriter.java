package uk.probation.inspection.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import uk.probation.inspection.events.EventCodec;
import uk.probation.inspection.events.Topic;
import uk.probation.inspection.platform.trace.Traces;

/**
 * Appends an event to the outbox inside the caller's transaction: the event exists if and only if the
 * change it describes was committed.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final Object WAKE_KEY = new Object();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "pip.outbox.source")
    String source;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /**
     * Appends an event of the contract (events/): its type name and JSON come from its record.
     *
     * @param key the record key and CloudEvents subject: the inspection id
     * @return the event's id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <F> UUID append(Topic<F> topic, String key, F event) {
        return appendJson(topic.name(), key, Topic.typeOf(event), EventCodec.encode(event));
    }

    /**
     * @param key the record key and CloudEvents subject: the inspection id
     * @return the event's id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String key, String type, Object data) {
        try {
            return appendJson(topic, key, type, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + type, e);
        }
    }

    private UUID appendJson(String topic, String key, String type, String payload) {
        UUID id = UUID.randomUUID();
        // The managed data source enlists this connection in the caller's JTA transaction.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into outbox_event (event_id, topic, message_key, type, source, subject, payload, traceparent)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, type);
            insert.setString(5, source);
            insert.setString(6, key);
            insert.setString(7, payload);
            insert.setString(8, Traces.current()); // the work that caused it: a request, or an event being applied
            insert.executeUpdate();
            wakeRelayAfterCommit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to the outbox", e);
        }
    }

    /** The relay is woken once the transaction commits, instead of finding the rows on its next poll. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
