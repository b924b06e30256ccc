package app.rota.kernel.coverage;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CoverageCancelledEvent(CoverageRequestId requestId, GroupId groupId, SlotKey slot, MemberId requesterId,
                                     String reason) implements CoverageEndedEvent {

    @Override
    public CoverageStatus outcome() {
        return CoverageStatus.CANCELLED;
    }
}
