package app.rota.kernel.coverage;

import app.rota.kernel.common.ActorRef;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRef;
import app.rota.kernel.schedule.SlotRef;

import java.time.Instant;
import java.util.List;

/** A coverage request as API.md shows it; {@code requester} is null for an open shift. {@code version} counts its events. */
public record CoverageRequestResponse(CoverageRequestId id, CoverageStatus status, SlotRef slot, MemberRef requester,
                                      MemberRef claimant, List<MemberRef> offeredTo, String reason, Instant createdAt,
                                      Instant escalatesAt, Instant escalatedAt, Instant closedAt,
                                      List<HistoryEntry> history, long version) {

    public record HistoryEntry(CoverageStatus status, Instant at, ActorRef actor, MemberId onBehalfOf) {
    }
}
