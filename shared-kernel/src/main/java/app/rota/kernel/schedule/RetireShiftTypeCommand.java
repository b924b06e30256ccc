package app.rota.kernel.schedule;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetireShiftTypeCommand(@TargetAggregateIdentifier ShiftTypeId shiftTypeId, GroupId groupId) implements GroupScoped {
}
