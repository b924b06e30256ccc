package app.rota.kernel.schedule;

import app.rota.kernel.member.MemberId;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** {@code previousMemberId} is null for a first assignment; start and end are the slot's real interval. */
@Revision("1")
public record SlotAssignedEvent(SlotKey slot, GroupId groupId, MemberId memberId, MemberId previousMemberId,
                                String reason, Instant start, Instant end) {
}
