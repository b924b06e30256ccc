package app.rota.kernel.swap;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import org.axonframework.serialization.Revision;

/** The swap was rejected by an admin. */
@Revision("1")
public record SwapRejectedEvent(SwapId swapId, GroupId groupId, MemberId proposerId, MemberId counterpartId, String reason) implements SwapEndedEvent {

    @Override
    public SwapStatus outcome() {
        return SwapStatus.REJECTED;
    }
}
