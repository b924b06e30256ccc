package app.rota.command.errors;

import app.rota.kernel.error.RotaException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Sends a refusal back over the command bus as a {@link CommandExecutionException} whose details are
 * the refusal's {@link app.rota.kernel.error.RotaError} (code, field, sentence, current state): what
 * survives a distributed command bus, so a caller anywhere (the web advice, a saga callback, the
 * rotation) reads the code, never the message text. Other failures pass unchanged.
 */
public class RefusalWrappingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RotaException refusal) {
            throw new CommandExecutionException(refusal.getMessage(), refusal, refusal.toError());
        }
    }
}
