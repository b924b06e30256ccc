package app.rota.kernel.schedule;

import app.rota.kernel.member.MemberId;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Assigns or reassigns a slot. {@code expectedVersion}, when given, must be the slot's current version;
 * {@code onlyIfOpen} refuses to replace an assignee (the rotation generator never overwrites).
 */
public record AssignSlotCommand(@TargetAggregateIdentifier SlotKey slot, GroupId groupId, MemberId memberId,
                                String reason, Long expectedVersion, boolean onlyIfOpen) implements GroupScoped {

    public AssignSlotCommand(SlotKey slot, GroupId groupId, MemberId memberId, String reason, Long expectedVersion) {
        this(slot, groupId, memberId, reason, expectedVersion, false);
    }
}
