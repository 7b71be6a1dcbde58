package uk.probation.inspection.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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

    /**
     * Appends events of one topic in one JDBC batch (a batch of answers writes thousands): the same rows, in the
     * same order, as {@link #append(Topic, String, Object)} called for each in turn.
     *
     * @param key each event's record key and CloudEvents subject: its inspection id
     * @return the events' ids, in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <F> List<UUID> appendAll(Topic<F> topic, Function<F, String> key, List<? extends F> events) {
        List<Row> rows = new ArrayList<>(events.size());
        for (F event : events) {
            rows.add(new Row(UUID.randomUUID(), topic.name(), key.apply(event), Topic.typeOf(event),
                    EventCodec.encode(event)));
        }
        insert(rows);
        return rows.stream().map(Row::id).toList();
    }

    private UUID appendJson(String topic, String key, String type, String payload) {
        Row row = new Row(UUID.randomUUID(), topic, key, type, payload);
        insert(List.of(row));
        return row.id();
    }

    private record Row(UUID id, String topic, String key, String type, String payload) {
    }

    private void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String trace = Traces.current(); // the work that caused it: a request, or an event being applied
        // The managed data source enlists this connection in the caller's JTA transaction.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into outbox_event (event_id, topic, message_key, type, source, subject, payload, traceparent)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                insert.setObject(1, row.id());
                insert.setString(2, row.topic());
                insert.setString(3, row.key());
                insert.setString(4, row.type());
                insert.setString(5, source);
                insert.setString(6, row.key());
                insert.setString(7, row.payload());
                insert.setString(8, trace);
                if (rows.size() == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (rows.size() > 1) {
                insert.executeBatch();
            }
            wakeRelayAfterCommit();
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
