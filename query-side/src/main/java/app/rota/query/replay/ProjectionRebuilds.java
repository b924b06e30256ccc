package app.rota.query.replay;

import app.rota.kernel.admin.FindReplaysQuery;
import app.rota.kernel.admin.Replays;
import app.rota.kernel.admin.Replays.Replay;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rebuilds a projection from the first event while it keeps serving.
 * <ol>
 * <li>Fresh, empty copies of the projection's tables are made in a schema of their own ({@code rota_rebuild}).</li>
 * <li>A fresh instance of the projection's handlers, on one connection whose search path is that schema only, is fed
 * every event from the store, its writes batched and committed every {@link #COMMIT_EVERY} events. Meanwhile the live
 * processor goes on updating the live tables, and every read answers from them.</li>
 * <li>Once the rebuild has caught up with the head, the live processor is paused; the rebuild applies the events
 * that arrived meanwhile; then one transaction moves the live tables out, the rebuilt ones in, and stores the
 * rebuild's position as the processor's token for each of its segments; the processor starts again from there.</li>
 * </ol>
 * Reads never see an emptier projection: until that transaction commits they read the old tables, after it the
 * rebuilt ones, which hold every event up to the same position. A failure leaves the live tables and token as
 * they were and drops the rebuild's schema.
 */
@Component
class ProjectionRebuilds {

    static final int COMMIT_EVERY = 2_000;
    /** How many events are read and deserialized ahead of the ones being applied. */
    private static final int READ_AHEAD = 4_000;
    static final String SCHEMA = "rota_rebuild";
    /** The advisory lock key a rebuild holds ('R','E','B','U','I','L','D' in ASCII). */
    private static final long LOCK_KEY = 0x52454255494C44L;
    private static final String RETIRED = "rota_retired";
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    /** The table a foreign key's definition references, with or without its schema. */
    private static final Pattern FOREIGN_TABLE = Pattern.compile("REFERENCES\\s+(?:\"?[a-z0-9_]+\"?\\.)?\"?[a-z0-9_]+\"?\\(");
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final Map<String, RebuildableProjection> projections;
    private final DataSource dataSource;
    private final EventStorageEngine events;
    private final TokenStore tokens;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String password;
    private final Map<String, Replay> latest = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    ProjectionRebuilds(List<RebuildableProjection> projections, DataSource dataSource, EventStorageEngine events,
                       TokenStore tokens, EventProcessingConfiguration processing, PlatformTransactionManager transactions,
                       Clock clock, @Value("${spring.datasource.password:}") String password) {
        this.projections = projections.stream().collect(Collectors.toMap(RebuildableProjection::name, Function.identity()));
        projections.forEach(projection -> projection.tables().forEach(table -> {
            if (!TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("Not a plain table name: " + table);
            }
        }));
        this.dataSource = dataSource;
        this.events = events;
        this.tokens = tokens;
        this.processing = processing;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.password = password == null || password.isEmpty() ? null : password;
    }

    /**
     * Starts rebuilding the named projection. One rebuild at a time across every node on this database: the rebuild
     * holds a PostgreSQL advisory lock on its own connection (not from the pool) from here to its end.
     */
    synchronized Replay start(String name) {
        RebuildableProjection projection = projections.get(name);
        if (projection == null) {
            if (processing.eventProcessor(name).isPresent()) {
                throw new RotaException(ErrorCode.PROJECTION_NOT_REPLAYABLE, "name", "The processor " + name
                        + " cannot be rebuilt while serving; the projections that can are " + projections.keySet() + ".");
            }
            throw new RotaException(ErrorCode.PROJECTION_NOT_FOUND, "name", "No projection named " + name + ".");
        }
        Connection connection = ownConnection();
        boolean locked = false;
        try (Statement statement = connection.createStatement();
             java.sql.ResultSet lock = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            locked = lock.next() && lock.getBoolean(1);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Cannot take the rebuild lock", e);
        }
        if (!locked) {
            closeQuietly(connection);
            throw new RotaException(ErrorCode.REPLAY_RUNNING, "name",
                    "A rebuild is running (on this node or another); wait until it is done.");
        }
        Replay started = new Replay(name, "REPLAYING", null, head(), 0.0, 0, 0, clock.instant(), null, null, null);
        latest.put(name, started);
        worker.submit(() -> {
            try {
                run(projection, started, connection);
            } finally {
                closeQuietly(connection);
            }
        });
        return started;
    }

    /** A connection of the rebuild's own, outside the pool: its session settings and lock end with it. */
    private Connection ownConnection() {
        try {
            Connection pooled = dataSource.getConnection();
            try {
                String url = pooled.getMetaData().getURL();
                String user = pooled.getMetaData().getUserName();
                java.util.Properties properties = new java.util.Properties();
                if (user != null) {
                    properties.setProperty("user", user);
                }
                if (password != null) {
                    properties.setProperty("password", password);
                }
                return java.sql.DriverManager.getConnection(url, properties);
            } finally {
                pooled.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a connection for the rebuild", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the session and its lock end with the connection anyway
        }
    }

    @QueryHandler
    Replays handle(FindReplaysQuery query) {
        return new Replays(List.copyOf(latest.values()));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdownNow();
    }

    private void run(RebuildableProjection projection, Replay started, Connection connection) {
        String name = projection.name();
        Instant begun = clock.instant();
        boolean switched = false;
        Cursor cursor = null;
        try {
            prepareSchema(projection);
            try (Statement statement = connection.createStatement()) {
                // committed at once (autocommit): a rollback of a failed chunk must never take the rebuild back to the live tables
                statement.execute("set search_path to " + SCHEMA);
            }
            connection.setAutoCommit(false);
            BatchingJdbcTemplate jdbc = new BatchingJdbcTemplate(new SingleConnectionDataSource(connection, true));
            cursor = new Cursor(() -> new AnnotationEventHandlerAdapter(projection.handlersWritingTo(jdbc)), jdbc, connection, name, started);
            // catch up while the live processor serves; until a pass finds next to nothing left
            while (cursor.drain() > COMMIT_EVERY) {
                checkNotStopping();
            }
            finishSchema(projection);
            while (cursor.drain() > COMMIT_EVERY) {
                checkNotStopping();
            }
            StreamingEventProcessor live = liveProcessor(name);
            progress(name, started, cursor, "SWITCHING");
            live.shutDown();
            try {
                cursor.drain();
                switchTables(projection, cursor.token, cursor.parked, live);
                switched = true;
            } finally {
                live.start();
            }
        } catch (RuntimeException | SQLException e) {
            if (!switched) {
                log.error("Rebuild of projection {} failed; the live tables are unchanged", name, e);
                dropQuietly();
                Replay last = latest.get(name);
                latest.put(name, new Replay(name, "FAILED", last.position(), head(), last.progress(), last.events(), last.skipped(),
                        started.startedAt(), clock.instant(), null, e.getClass().getSimpleName()
                                + (e instanceof SQLException sql ? " " + sql.getSQLState() : "")));
                return;
            }
            log.warn("Rebuild of projection {} switched, then failed to restart its processor", name, e);
        }
        Duration took = Duration.between(begun, clock.instant());
        double perSecond = took.toMillis() == 0 ? cursor.applied : cursor.applied * 1000.0 / took.toMillis();
        latest.put(name, new Replay(name, "DONE", cursor.position, head(), 1.0, cursor.applied, cursor.skipped, started.startedAt(),
                clock.instant(), Math.round(perSecond * 10) / 10.0, null));
        log.info("Rebuilt projection {} from {} events ({} skipped) in {} ms ({} events/s) while serving", name, cursor.applied,
                cursor.skipped, took.toMillis(), Math.round(perSecond));
    }

    /** The events after a position, applied to the rebuild's handlers; commits every {@link #COMMIT_EVERY}. */
    private final class Cursor {

        private final Supplier<AnnotationEventHandlerAdapter> freshHandlers;
        private AnnotationEventHandlerAdapter handlers;
        private final BatchingJdbcTemplate jdbc;
        private final Connection connection;
        private final String name;
        private final Replay started;
        private final List<TrackedEventMessage<?>> chunk = new ArrayList<>();
        private final Set<String> parked = new HashSet<>();
        private TrackingToken token;
        private Long position;
        private long applied;
        private long skipped;

        Cursor(Supplier<AnnotationEventHandlerAdapter> freshHandlers, BatchingJdbcTemplate jdbc, Connection connection, String name,
               Replay started) {
            this.freshHandlers = freshHandlers;
            this.handlers = freshHandlers.get();
            this.jdbc = jdbc;
            this.connection = connection;
            this.name = name;
            this.started = started;
        }

        /**
         * Applies every event stored after the cursor; answers how many. Writes are batched and committed every
         * {@link #COMMIT_EVERY} events; if a chunk fails, it is rolled back and applied again one event at a time, and
         * an event that fails alone is skipped with every later event of its aggregate — as the live processor parks
         * such an event and its successors in the dead-letter queue — so that one poison event does not stop a
         * rebuild, and the rebuilt tables hold what the live ones hold.
         */
        long drain() throws SQLException {
            long count = 0;
            try (ReadAhead ahead = new ReadAhead(events.readEvents(token, false), READ_AHEAD, name)) {
                TrackedEventMessage<?> event;
                while ((event = ahead.next()) != null) {
                    chunk.add(event);
                    if (!applyBatched(event)) {
                        reapplyChunkOneByOne();
                    }
                    token = event.trackingToken();
                    position = token.position().isPresent() ? token.position().getAsLong() : position;
                    applied++;
                    if (++count % COMMIT_EVERY == 0) {
                        commitChunk();
                        progress(name, started, this, "REPLAYING");
                        checkNotStopping();
                    }
                }
            }
            commitChunk();
            progress(name, started, this, latest.get(name).status());
            return count;
        }

        private boolean applyBatched(TrackedEventMessage<?> event) {
            try {
                handle(event);
                return true;
            } catch (RuntimeException failed) {
                return false;
            }
        }

        private void commitChunk() throws SQLException {
            try {
                jdbc.flush();
                connection.commit();
            } catch (RuntimeException | SQLException failed) {
                reapplyChunkOneByOne();
                connection.commit();
            }
            chunk.clear();
        }

        /** Also after each rollback, a fresh instance of the handlers: what they held in memory may have been rolled back. */
        private void reapplyChunkOneByOne() throws SQLException {
            jdbc.discard();
            connection.rollback();
            handlers = freshHandlers.get();
            for (TrackedEventMessage<?> event : chunk) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    handle(event);
                    jdbc.flush();
                    connection.releaseSavepoint(savepoint);
                } catch (RuntimeException failed) {
                    jdbc.discard();
                    connection.rollback(savepoint);
                    handlers = freshHandlers.get();
                    park(event, failed);
                }
            }
        }

        private void handle(TrackedEventMessage<?> event) {
            if (event instanceof DomainEventMessage<?> domain && parked.contains(domain.getAggregateIdentifier())) {
                return;
            }
            if (handlers.canHandle(event)) {
                try {
                    handlers.handle(event);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        private void park(TrackedEventMessage<?> event, RuntimeException failure) {
            skipped++;
            if (event instanceof DomainEventMessage<?> domain) {
                parked.add(domain.getAggregateIdentifier());
            }
            log.warn("Rebuild of {} skips event {} ({}) and the later events of its aggregate: {}", name, event.getIdentifier(),
                    event.getPayloadType().getSimpleName(), failure.getClass().getSimpleName());
        }
    }

    private void progress(String name, Replay started, Cursor cursor, String status) {
        long head = head();
        double progress = cursor.position == null || head <= 0 ? 0.0 : Math.min(1.0, (double) cursor.position / head);
        latest.put(name, new Replay(name, status, cursor.position, head, progress, cursor.applied, cursor.skipped, started.startedAt(),
                null, null, null));
    }

    /**
     * Empty, unlogged copies of the projection's tables in the rebuild's schema with the same columns and defaults,
     * and — except on its append-only tables, which get them after the bulk ({@link #finishSchema}) — the same
     * constraints and indexes under the same names (so that a later migration naming one finds it after the switch).
     */
    private void prepareSchema(RebuildableProjection projection) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String live = jdbc.queryForObject("select current_schema()", String.class);
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
        jdbc.execute("create schema " + SCHEMA);
        List<String> indexedNow = projection.tables().stream().filter(table -> !projection.appendOnlyTables().contains(table)).toList();
        for (String table : projection.tables()) {
            jdbc.execute("create unlogged table " + SCHEMA + "." + table + " (like " + live + "." + table
                    + " including defaults including generated including identity)");
        }
        indexedNow.forEach(table -> copyConstraintsAndIndexes(jdbc, live, table));
        indexedNow.forEach(table -> copyForeignKeys(jdbc, live, table, projection.tables()));
    }

    /**
     * The append-only tables' constraints and indexes, then every table logged (written to the WAL once, in bulk),
     * each after the tables it references (a logged table may not reference an unlogged one).
     */
    private void finishSchema(RebuildableProjection projection) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String live = jdbc.queryForObject("select current_schema()", String.class);
        for (String table : projection.appendOnlyTables()) {
            copyConstraintsAndIndexes(jdbc, live, table);
            copyForeignKeys(jdbc, live, table, projection.tables());
        }
        List<String> unlogged = new ArrayList<>(projection.tables());
        while (!unlogged.isEmpty()) {
            String next = unlogged.stream()
                    .filter(table -> referencedBy(jdbc, table).stream().noneMatch(referenced -> !referenced.equals(table) && unlogged.contains(referenced)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The foreign keys of " + unlogged + " make a cycle"));
            jdbc.execute("alter table " + SCHEMA + "." + next + " set logged");
            unlogged.remove(next);
        }
    }

    /** The tables of the rebuild's schema that a table's foreign keys reference. */
    private static List<String> referencedBy(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("""
                select r.relname from pg_constraint c
                join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                join pg_class r on r.oid = c.confrelid
                where c.contype = 'f' and n.nspname = ? and t.relname = ?""", String.class, SCHEMA, table);
    }

    /**
     * A table's foreign keys, pointed at the rebuilt copies of the tables they reference, which must be tables of
     * the same projection (a rebuilt table referencing a live one would tie the switch to it).
     */
    private static void copyForeignKeys(JdbcTemplate jdbc, String live, String table, List<String> tables) {
        jdbc.query("""
                select c.conname, pg_get_constraintdef(c.oid), r.relname from pg_constraint c
                join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                join pg_class r on r.oid = c.confrelid
                where n.nspname = ? and t.relname = ? and c.contype = 'f' order by c.conname""",
                (RowCallbackHandler) rs -> {
                    String referenced = rs.getString(3);
                    if (!tables.contains(referenced)) {
                        throw new IllegalStateException(table + " references " + referenced + ", which is not a table of the same projection");
                    }
                    String definition = FOREIGN_TABLE.matcher(rs.getString(2))
                            .replaceFirst("REFERENCES " + SCHEMA + "." + referenced + "(");
                    jdbc.execute("alter table " + SCHEMA + "." + table + " add constraint " + rs.getString(1) + " " + definition);
                }, live, table);
    }

    private static void copyConstraintsAndIndexes(JdbcTemplate jdbc, String live, String table) {
        jdbc.query("""
                select c.conname, pg_get_constraintdef(c.oid) from pg_constraint c
                join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = ? and t.relname = ? and c.contype in ('p', 'u', 'c', 'x') order by c.contype desc, c.conname""",
                (RowCallbackHandler) rs -> jdbc.execute("alter table " + SCHEMA + "." + table
                        + " add constraint " + rs.getString(1) + " " + rs.getString(2)), live, table);
        jdbc.query("""
                select i.indexdef from pg_indexes i
                where i.schemaname = ? and i.tablename = ?
                  and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace =
                                  (select oid from pg_namespace where nspname = i.schemaname))""",
                (RowCallbackHandler) rs -> jdbc.execute(rs.getString(1)
                        .replace(" ON " + live + "." + table + " ", " ON " + SCHEMA + "." + table + " ")), live, table);
    }

    /**
     * One transaction: the live tables out, the rebuilt ones in (with their indexes, under the same names), the
     * rebuild's position as the processor's token for every segment, and the processor's dead letters dropped but for
     * the aggregates the rebuild parked too (the others' events are in the rebuilt tables; retrying them would put
     * old states back).
     */
    private void switchTables(RebuildableProjection projection, TrackingToken token, Set<String> parked,
                              StreamingEventProcessor live) {
        transaction.executeWithoutResult(status -> {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String liveSchema = jdbc.queryForObject("select current_schema()", String.class);
            jdbc.execute("drop schema if exists " + RETIRED + " cascade");
            jdbc.execute("create schema " + RETIRED);
            for (String table : projection.tables()) {
                jdbc.execute("alter table " + liveSchema + "." + table + " set schema " + RETIRED);
                jdbc.execute("alter table " + SCHEMA + "." + table + " set schema " + liveSchema);
            }
            jdbc.execute("drop schema " + RETIRED + " cascade");
            jdbc.execute("drop schema " + SCHEMA + " cascade");
            // the rebuilt tables hold every event but the parked ones: only their dead letters still stand
            jdbc.update("delete from dead_letter_entry where processing_group = ? and not (sequence_identifier = any (?))",
                    live.getName(), parked.toArray(new String[0]));
            if (token != null) {
                for (int segment : tokens.fetchSegments(live.getName())) {
                    tokens.storeToken(token, live.getName(), segment);
                    tokens.releaseClaim(live.getName(), segment);
                }
            }
        });
    }

    private StreamingEventProcessor liveProcessor(String name) {
        Optional<EventProcessor> processor = processing.eventProcessor(name);
        if (processor.isEmpty() || !(processor.get() instanceof StreamingEventProcessor streaming)) {
            throw new IllegalStateException("No tracking processor " + name + " runs on this node");
        }
        return streaming;
    }

    private void checkNotStopping() {
        if (stopping || Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("The node is stopping");
        }
    }

    private void dropQuietly() {
        try {
            new JdbcTemplate(dataSource).execute("drop schema if exists " + SCHEMA + " cascade");
        } catch (RuntimeException e) {
            log.warn("Could not drop the rebuild schema {}: {}", SCHEMA, e.toString());
        }
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        return head == null || head.position().isEmpty() ? -1 : head.position().getAsLong();
    }
}
