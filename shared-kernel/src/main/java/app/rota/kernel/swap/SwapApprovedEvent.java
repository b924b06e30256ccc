package app.rota.kernel.swap;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import org.axonframework.serialization.Revision;

/** The swap was approved by an admin; completion follows in the same transaction. */
@Revision("1")
public record SwapApprovedEvent(SwapId swapId, GroupId groupId, MemberId proposerId, MemberId counterpartId, String reason) {
}
