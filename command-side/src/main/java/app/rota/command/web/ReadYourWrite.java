package app.rota.command.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Answers an action with the resource as the read model shows it once it has caught up with that
 * action (its version), so a client sees what it just did. Waits at most {@link #PATIENCE}; then it
 * answers what the read model shows.
 */
@Component
public class ReadYourWrite {

    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final QueryGateway queries;

    ReadYourWrite(QueryGateway queries) {
        this.queries = queries;
    }

    public <R> R read(Object query, Class<R> type, ToLongFunction<R> version, long atLeast) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            Optional<R> read = queries.query(query, ResponseTypes.optionalInstanceOf(type))
                    .exceptionally(notThereYet -> Optional.empty()).join();
            if (read.isPresent() && version.applyAsLong(read.get()) >= atLeast) {
                return read.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }
}
