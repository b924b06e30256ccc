package app.rota.command.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Answers an action with the resource as the read model shows it once it has caught up with that
 * action (its version), so a client sees what it just did. Waits at most {@link #PATIENCE}; then it
 * answers what the read model shows. A node without the query side answers the command's own result.
 */
@Component
public class ReadYourWrite {

    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final QueryGateway queries;

    ReadYourWrite(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * The resource once the read model shows at least {@code atLeast}; empty on a node that runs no
     * read side (the caller answers from the command's result instead).
     */
    public <R> Optional<R> read(Object query, Class<R> type, ToLongFunction<R> version, long atLeast) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            Optional<R> read;
            try {
                read = queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
            } catch (RuntimeException notThere) {
                if (noReadSide(notThere)) {
                    return Optional.empty();
                }
                read = Optional.empty();
            }
            if (read.isPresent() && version.applyAsLong(read.get()) >= atLeast) {
                return read;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.of(queries.query(query, ResponseTypes.instanceOf(type)).join());
    }

    private static boolean noReadSide(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoHandlerForQueryException) {
                return true;
            }
        }
        return false;
    }
}
