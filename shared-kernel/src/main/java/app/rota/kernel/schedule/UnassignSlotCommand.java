package app.rota.kernel.schedule;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnassignSlotCommand(@TargetAggregateIdentifier SlotKey slot, GroupId groupId, String reason,
                                  Long expectedVersion) implements GroupScoped {
}
