package app.rota.kernel.swap;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** {@code toSlot} is null for a give-away. The proposer holds {@code fromSlot}, the counterpart {@code toSlot}. */
@Revision("1")
public record SwapProposedEvent(SwapId swapId, GroupId groupId, SwapKind kind, MemberId proposerId, MemberId counterpartId,
                                SlotKey fromSlot, SlotKey toSlot, String reason, Instant expiresAt) {
}
