package app.rota.command.web;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Sends a command and waits; an aggregate that does not exist becomes the caller's not-found code. */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, ErrorCode notFound, String notFoundDetail) {
        try {
            return gateway.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new RotaException(notFound, notFoundDetail);
        }
    }

    public <R> R create(Object command) {
        return gateway.sendAndWait(command);
    }
}
