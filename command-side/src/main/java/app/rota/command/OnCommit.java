package app.rota.command;

import io.micrometer.core.instrument.Counter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/** Counts what happened once the command's transaction has committed: a change rolled back never happened. */
public final class OnCommit {

    private OnCommit() {
    }

    public static void increment(Counter counter) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> counter.increment());
        } else {
            counter.increment();
        }
    }
}
