package app.rota.kernel.rotation;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Records what a rotation run assigned, once its assignments are made (also after an interrupted run, with
 * what it did assign). Members hear about their share once, in one summary, instead of once per slot.
 */
public record PublishRotationCommand(@TargetAggregateIdentifier RotationId rotationId, GroupId groupId,
                                     LocalDate from, LocalDate to, List<RotationShare> shares, int leftOpen)
        implements GroupScoped {
}
