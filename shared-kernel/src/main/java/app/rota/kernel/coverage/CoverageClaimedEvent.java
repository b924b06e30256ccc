package app.rota.kernel.coverage;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.serialization.Revision;

/** {@code approvalRequired}: the group's policy at the claim; if true, it waits for an admin. */
@Revision("1")
public record CoverageClaimedEvent(CoverageRequestId requestId, GroupId groupId, SlotKey slot, MemberId requesterId,
                                   MemberId claimantId, boolean approvalRequired) {
}
