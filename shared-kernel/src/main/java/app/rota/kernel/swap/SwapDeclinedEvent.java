package app.rota.kernel.swap;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import org.axonframework.serialization.Revision;

/** The swap was declined by the counterpart (or an admin for them). */
@Revision("1")
public record SwapDeclinedEvent(SwapId swapId, GroupId groupId, MemberId proposerId, MemberId counterpartId, String reason) implements SwapEndedEvent {

    @Override
    public SwapStatus outcome() {
        return SwapStatus.DECLINED;
    }
}
