package app.rota.command.errors;

import app.rota.kernel.error.RotaError;
import app.rota.kernel.error.RotaException;
import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Optional;

/** Recognises a refusal in what a command's dispatch threw, whether it came over the bus wrapped or not. */
public final class Refusals {

    private Refusals() {
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
