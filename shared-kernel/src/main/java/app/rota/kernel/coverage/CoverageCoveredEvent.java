package app.rota.kernel.coverage;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.serialization.Revision;

/** The slot moved to the claimant in the same transaction as this event. */
@Revision("1")
public record CoverageCoveredEvent(CoverageRequestId requestId, GroupId groupId, SlotKey slot, MemberId requesterId,
                                   MemberId claimantId) implements CoverageEndedEvent {

    @Override
    public CoverageStatus outcome() {
        return CoverageStatus.COVERED;
    }
}
