package app.rota.kernel.swap;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import org.axonframework.serialization.Revision;

/** {@code approvalRequired}: the group's policy when it was accepted; if true, it waits for an admin. */
@Revision("1")
public record SwapAcceptedEvent(SwapId swapId, GroupId groupId, MemberId proposerId, MemberId counterpartId,
                                String reason, boolean approvalRequired) {
}
