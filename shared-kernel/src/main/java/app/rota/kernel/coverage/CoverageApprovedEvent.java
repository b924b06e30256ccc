package app.rota.kernel.coverage;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.serialization.Revision;

/** The approved by an admin; the slot moves in the same transaction. */
@Revision("1")
public record CoverageApprovedEvent(CoverageRequestId requestId, GroupId groupId, SlotKey slot, MemberId requesterId,
                                   MemberId claimantId, String reason) {
}
