package uk.probation.inspection.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Outbox rows set aside because the broker refused them permanently: parking them (by the relay), listing them,
 * and an operator's release: retry (the row goes back into the queue, ahead of the rows it held back) or discard
 * (given up for good; the rows behind it flow). Rows are never deleted here, so what was refused stays on record.
 */
@ApplicationScoped
public class OutboxParking {

    /** A row that holds back the rest of its key (matches the partial index outbox_event_parked). */
    static final String PARKED = "parked_at is not null and discarded_at is null and published_at is null";

    /** True for an unpublished row {@code o} that waits behind a parked row of its key. */
    static final String HELD = "exists (select 1 from outbox_event p where p." + PARKED.replace(" and ", " and p.")
            + " and p.topic = o.topic and p.message_key = o.message_key and p.id < o.id)";

    @Inject
    AgroalDataSource dataSource;

    /** Parks one row inside the relay's transaction. */
    static void park(Connection connection, long id, String error) throws SQLException {
        try (PreparedStatement park = connection.prepareStatement("update outbox_event set parked_at = clock_timestamp(),"
                + " park_error = ?, park_count = park_count + 1 where id = ?")) {
            park.setString(1, error);
            park.setLong(2, id);
            park.executeUpdate();
        }
    }

    /** The parked rows, oldest first, at most {@code limit}. */
    public List<ParkedRow> list(int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(select("") + " order by o.id limit ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<ParkedRow> parked = new ArrayList<>();
                while (rows.next()) {
                    parked.add(row(rows));
                }
                return parked;
            }
        }
    }

    public Optional<ParkedRow> find(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(select(" and o.id = ?"))) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    /** Puts a parked row back into the queue; false when no such row is parked. */
    public boolean retry(long id) throws SQLException {
        return update("update outbox_event set parked_at = null where id = ? and " + PARKED, id, null);
    }

    /** Gives a parked row up for good, so that the rows behind it flow; false when no such row is parked. */
    public boolean discard(long id, String by) throws SQLException {
        return update("update outbox_event set discarded_at = clock_timestamp(), discarded_by = ? where id = ? and "
                + PARKED, id, by);
    }

    private boolean update(String sql, long id, String by) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            int i = 1;
            if (by != null) {
                update.setString(i++, by);
            }
            update.setLong(i, id);
            return update.executeUpdate() == 1;
        }
    }

    private static String select(String condition) {
        return "select o.id, o.event_id, o.topic, o.message_key, o.type, o.occurred_at, o.parked_at, o.park_error,"
                + " o.park_count, octet_length(o.payload) as payload_bytes,"
                + " (select count(*) from outbox_event h where h.published_at is null and h.parked_at is null"
                + " and h.topic = o.topic and h.message_key = o.message_key and h.id > o.id) as held_behind"
                + " from outbox_event o where o." + PARKED.replace(" and ", " and o.") + condition;
    }

    private static ParkedRow row(ResultSet rows) throws SQLException {
        return new ParkedRow(rows.getLong("id"), rows.getString("event_id"), rows.getString("topic"),
                rows.getString("message_key"), rows.getString("type"), rows.getObject("occurred_at", OffsetDateTime.class),
                rows.getObject("parked_at", OffsetDateTime.class), rows.getString("park_error"), rows.getInt("park_count"),
                rows.getLong("payload_bytes"), rows.getLong("held_behind"));
    }
}
