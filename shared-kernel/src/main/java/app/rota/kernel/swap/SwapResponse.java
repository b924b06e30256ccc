package app.rota.kernel.swap;

import app.rota.kernel.common.ActorRef;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRef;
import app.rota.kernel.schedule.SlotRef;

import java.time.Instant;
import java.util.List;

/**
 * A swap as API.md shows it. {@code toSlot} is null for a give-away; {@code closedAt} and
 * {@code failureReason} are null while it is pending. {@code version} counts the swap's events.
 */
public record SwapResponse(SwapId id, SwapKind kind, SwapStatus status, MemberRef proposer, MemberRef counterpart,
                           SlotRef fromSlot, SlotRef toSlot, String reason, Instant createdAt, Instant expiresAt,
                           Instant closedAt, String failureReason, List<HistoryEntry> history, long version) {

    /** One step of the swap: the status it reached, when, who did it, and for whom if an admin acted for someone. */
    public record HistoryEntry(SwapStatus status, Instant at, ActorRef actor, MemberId onBehalfOf) {
    }
}
