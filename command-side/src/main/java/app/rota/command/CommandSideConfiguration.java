package app.rota.command;

import app.rota.command.errors.RefusalWrappingInterceptor;
import app.rota.command.tables.CommandTablesGuard;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side, as one unit a node runs or not ({@code rota.roles.command-side}, on by default):
 * its aggregates, command controllers, rotation, and the command tables with their subscribing
 * processor. Needs a {@link java.time.Clock} and an {@link org.springframework.util.IdGenerator} from
 * the application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "rota.roles", name = "command-side", havingValue = "true", matchIfMissing = true)
@ComponentScan
public class CommandSideConfiguration {

    /**
     * Refusals cross the command bus with their code intact. The application registers it on the command
     * bus as the outermost handler interceptor, so that every refusal (the tenancy guard's too) is wrapped.
     */
    @Bean
    RefusalWrappingInterceptor refusalWrappingInterceptor() {
        return new RefusalWrappingInterceptor();
    }

    /** Commands and a rebuild of the command tables take turns (see {@link CommandTablesGuard}). */
    @Bean
    InitializingBean commandsShareTheRebuildLock(CommandBus commandBus, JdbcTemplate jdbc) {
        return () -> commandBus.registerHandlerInterceptor(new CommandTablesGuard(jdbc));
    }
}
