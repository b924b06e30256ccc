package app.rota.kernel.coverage;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.serialization.Revision;

/** The claim rejected by an admin; the request is OPEN again. */
@Revision("1")
public record CoverageRejectedEvent(CoverageRequestId requestId, GroupId groupId, SlotKey slot, MemberId requesterId,
                                   MemberId claimantId, String reason) {
}
