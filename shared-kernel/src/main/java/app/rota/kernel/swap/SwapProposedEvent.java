package app.rota.kernel.swap;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The proposer holds {@code fromSlot}, the counterpart {@code toSlot}; for a give-away {@code toSlot}
 * and its interval are null. Each slot's real interval is recorded as it was at the proposal.
 */
@Revision("1")
public record SwapProposedEvent(SwapId swapId, GroupId groupId, SwapKind kind, MemberId proposerId, MemberId counterpartId,
                                SlotKey fromSlot, Instant fromStart, Instant fromEnd,
                                SlotKey toSlot, Instant toStart, Instant toEnd,
                                String reason, Instant expiresAt) {
}
