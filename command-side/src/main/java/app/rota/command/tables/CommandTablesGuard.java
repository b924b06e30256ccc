package app.rota.command.tables;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every command shares the rebuild lock (in its own transaction, before its handler reads a table), so
 * a {@link CommandTables#rebuild() rebuild} runs only between commands.
 */
public class CommandTablesGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;

    public CommandTablesGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        jdbc.queryForObject("select pg_advisory_xact_lock_shared(?, ?)", Object.class,
                CommandTables.REBUILD_LOCK_SPACE, CommandTables.REBUILD_LOCK);
        return chain.proceed();
    }
}
