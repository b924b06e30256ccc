package app.rota.command.errors;

import app.rota.kernel.error.RotaError;
import app.rota.kernel.error.RotaException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Optional;

/** Recognises a refusal in what a command's dispatch threw, whether it came over the bus wrapped or not. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * Whether the failure is another command having changed (or created) the same aggregate at the same
     * time: the loser's events were not stored, and reading again shows the winner's.
     */
    public static boolean isConcurrentEdit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    public static Optional<RotaException> of(Throwable failure) {
        if (failure instanceof RotaException refusal) {
            return Optional.of(refusal);
        }
        if (failure instanceof CommandExecutionException wrapped) {
            return wrapped.getDetails().filter(RotaError.class::isInstance).map(RotaError.class::cast).map(RotaError::toException);
        }
        return Optional.empty();
    }
}
