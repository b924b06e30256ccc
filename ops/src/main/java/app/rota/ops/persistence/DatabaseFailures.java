package app.rota.ops.persistence;

import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that cannot be used right now (unreachable, shutting down, out of resources, a table
 * gone) from a failure of one statement's data. The first is the same for every request and every
 * event, so it is answered 503 and retried; the second belongs to that input alone.
 */
public final class DatabaseFailures {

    /**
     * SQLSTATE classes and codes of an unusable database: 08 connection, 53 insufficient resources,
     * 57 operator intervention (shutdown, cancel), 58 system error, 42P01/42703 a table or column missing.
     */
    private static final Set<String> UNUSABLE_CLASSES = Set.of("08", "53", "57", "58");
    private static final Set<String> UNUSABLE_CODES = Set.of("42P01", "42703", "3D000", "28000", "28P01");

    private DatabaseFailures() {
    }

    /**
     * True for a lost or refused connection anywhere in the cause chain, including a transaction that
     * could not even be rolled back (the connection was gone), and for the SQLSTATEs below.
     */
    public static boolean isDatabaseUnusable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException
                    || t instanceof JDBCConnectionException || t instanceof TransactionException
                    || t instanceof SocketException || t instanceof EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5
                    && (UNUSABLE_CLASSES.contains(sql.getSQLState().substring(0, 2)) || UNUSABLE_CODES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
