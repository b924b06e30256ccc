package app.rota.kernel.swap;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.serialization.Revision;

/**
 * Both slots moved (a give-away: the one), in the same transaction as this event: {@code fromSlot} now
 * held by the counterpart, {@code toSlot} by the proposer.
 */
@Revision("1")
public record SwapCompletedEvent(SwapId swapId, GroupId groupId, SwapKind kind, MemberId proposerId,
                                 MemberId counterpartId, SlotKey fromSlot, SlotKey toSlot) implements SwapEndedEvent {

    @Override
    public SwapStatus outcome() {
        return SwapStatus.COMPLETED;
    }
}
