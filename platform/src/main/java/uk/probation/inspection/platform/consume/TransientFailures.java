package uk.probation.inspection.platform.consume;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Which failures of a batch are worth trying again: the database or the network being away for a while. SQLState
 * classes 08 (connection), 40 (serialization failure, deadlock) and 57P (operator intervention: a restart or
 * shutdown), connection errors, and what is marked a {@link TransientException}. Anything else would fail the same way every time.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("57P"))) {
                    return true;
                }
                if (sql instanceof SQLTransientException) {
                    return true;
                }
            }
            if (t instanceof ConnectException || t instanceof java.net.SocketException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            // Agroal: no connection could be had within the pool's acquisition timeout while the database is away.
            if (t.getMessage() != null && t.getMessage().startsWith("Acquisition timeout")) {
                return true;
            }
            if (t instanceof TransientException) {
                return true;
            }
        }
        return false;
    }
}
