package app.rota.kernel.coverage;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.serialization.Revision;

/** The request was still open when the shift started. */
@Revision("1")
public record CoverageUnfilledEvent(CoverageRequestId requestId, GroupId groupId, SlotKey slot, MemberId requesterId) implements CoverageEndedEvent {

    @Override
    public CoverageStatus outcome() {
        return CoverageStatus.UNFILLED;
    }
}
