package app.rota.query.replay;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.StatementCallback;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link JdbcTemplate} for a rebuild: {@code update(sql, args...)} is held back and sent with the next updates of
 * the same statement as one JDBC batch (one round trip), in the order they were made. Anything else — another
 * statement, a query, {@link #flush()} — sends what is held first, so the order of effects is unchanged. Not
 * thread-safe: one rebuild, one thread, one connection.
 */
class BatchingJdbcTemplate extends JdbcTemplate {

    private static final int MAX_BATCH = 500;

    private String heldSql;
    private final List<Object[]> held = new ArrayList<>();
    private boolean flushing;

    BatchingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    public int update(String sql, Object... args) throws DataAccessException {
        if (heldSql != null && !heldSql.equals(sql)) {
            flush();
        }
        heldSql = sql;
        held.add(args);
        if (held.size() >= MAX_BATCH) {
            flush();
        }
        return 1;
    }

    /** Held back like as many {@link #update(String, Object...)} calls, in the same order. */
    @Override
    public int[] batchUpdate(String sql, List<? extends Object[]> batchArgs) throws DataAccessException {
        int[] counts = new int[batchArgs.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = update(sql, batchArgs.get(i));
        }
        return counts;
    }

    @Override
    public <T> T execute(String sql, PreparedStatementCallback<T> action) throws DataAccessException {
        flush();
        return super.execute(sql, action);
    }

    /** Sends what is held back. */
    void flush() {
        if (held.isEmpty() || flushing) {
            return;
        }
        flushing = true;
        try {
            super.batchUpdate(heldSql, held);
        } finally {
            flushing = false;
            held.clear();
            heldSql = null;
        }
    }

    /** Drops what is held back (its transaction is being rolled back). */
    void discard() {
        held.clear();
        heldSql = null;
    }

    @Override
    public <T> T query(PreparedStatementCreator creator, PreparedStatementSetter setter, ResultSetExtractor<T> extractor)
            throws DataAccessException {
        flush();
        return super.query(creator, setter, extractor);
    }

    @Override
    public <T> T query(String sql, ResultSetExtractor<T> extractor) throws DataAccessException {
        flush();
        return super.query(sql, extractor);
    }

    @Override
    public int update(String sql) throws DataAccessException {
        flush();
        return super.update(sql);
    }

    @Override
    protected int update(PreparedStatementCreator creator, PreparedStatementSetter setter) throws DataAccessException {
        flush();
        return super.update(creator, setter);
    }

    @Override
    public <T> T execute(PreparedStatementCreator creator, PreparedStatementCallback<T> action) throws DataAccessException {
        flush();
        return super.execute(creator, action);
    }

    @Override
    public <T> T execute(StatementCallback<T> action) throws DataAccessException {
        flush();
        return super.execute(action);
    }

    @Override
    public void execute(String sql) throws DataAccessException {
        flush();
        super.execute(sql);
    }

    @Override
    public <T> T execute(ConnectionCallback<T> action) throws DataAccessException {
        flush();
        return super.execute(action);
    }
}
