package app.rota.kernel.schedule;

import app.rota.kernel.member.MemberId;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SlotUnassignedEvent(SlotKey slot, GroupId groupId, MemberId previousMemberId, String reason) {
}
