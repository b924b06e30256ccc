package app.rota.kernel.schedule;

import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assigns or reassigns a slot. {@code expectedVersion}, when given, must be the slot's current version. */
public record AssignSlotCommand(@TargetAggregateIdentifier SlotKey slot, GroupId groupId, MemberId memberId,
                                String reason, Long expectedVersion) {
}
