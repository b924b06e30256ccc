package app.rota.kernel.swap;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import org.axonframework.serialization.Revision;

/** The swap was still pending at its {@code expiresAt}. */
@Revision("1")
public record SwapExpiredEvent(SwapId swapId, GroupId groupId, MemberId proposerId, MemberId counterpartId) implements SwapEndedEvent {

    @Override
    public SwapStatus outcome() {
        return SwapStatus.EXPIRED;
    }
}
