package app.rota.query.replay;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * A projection that can be rebuilt while it keeps serving: its processing group, every table it owns, and a fresh
 * instance of its event handlers writing through the given {@link JdbcTemplate} (which the rebuild points at a
 * schema of fresh tables). Its handlers must only write while handling events (the rebuild batches their writes). They
 * may keep in memory what they wrote (the rebuild is the only writer of its tables): after any rollback the rebuild
 * asks for a fresh instance.
 */
public interface RebuildableProjection {

    String name();

    List<String> tables();

    Object handlersWritingTo(JdbcTemplate jdbc);

    /**
     * The tables its handlers only ever insert into (never update, delete or read while handling events): a rebuild
     * fills them without indexes or constraints and adds those once, after the bulk of the events.
     */
    default List<String> appendOnlyTables() {
        return List.of();
    }
}
