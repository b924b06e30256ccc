package app.rota.command.rotation;

import app.rota.kernel.common.Actor;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.rotation.PublishRotationCommand;
import app.rota.kernel.rotation.RotationId;
import app.rota.kernel.rotation.RotationPublishedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One run of the rotation generator, once its assignments are made: the summary of who got which slots,
 * published once so that members hear about their share in one message. The assignments themselves are
 * the slots' own events ({@link RotationService} makes them); this aggregate only records the summary.
 */
@Aggregate
class RotationAggregate {

    @AggregateIdentifier
    private RotationId rotationId;

    RotationAggregate() {
    }

    /** Only an admin (or the system) runs a rotation, so only they publish its summary. */
    @CommandHandler
    RotationAggregate(PublishRotationCommand command, Actor actor) {
        if (!actor.actsAsAdmin()) {
            throw new RotaException(ErrorCode.ACCESS_DENIED, "Only an admin may publish a rotation.");
        }
        apply(new RotationPublishedEvent(command.rotationId(), command.groupId(), command.from(), command.to(),
                List.copyOf(command.shares()), command.leftOpen()));
    }

    @EventSourcingHandler
    void on(RotationPublishedEvent event) {
        rotationId = event.rotationId();
    }
}
