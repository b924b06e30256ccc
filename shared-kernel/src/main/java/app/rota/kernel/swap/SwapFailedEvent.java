package app.rota.kernel.swap;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import org.axonframework.serialization.Revision;

/** The swap could not complete, or a slot of it was changed by something else; the calendar is as before. */
@Revision("1")
public record SwapFailedEvent(SwapId swapId, GroupId groupId, MemberId proposerId, MemberId counterpartId,
                              String failureReason) implements SwapEndedEvent {

    @Override
    public SwapStatus outcome() {
        return SwapStatus.FAILED;
    }
}
