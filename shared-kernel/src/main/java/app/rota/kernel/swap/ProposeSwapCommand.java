package app.rota.kernel.swap;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Proposes a swap: a trade when {@code toSlot} is given, else a give-away of {@code fromSlot}.
 * {@code proposerId} is the holder of {@code fromSlot}; null means the actor themselves (an admin names
 * the member they act for). {@code expiresAt} null means the default.
 */
public record ProposeSwapCommand(@TargetAggregateIdentifier SwapId swapId, GroupId groupId, SlotKey fromSlot,
                                 SlotKey toSlot, MemberId counterpartId, MemberId proposerId, String reason,
                                 Instant expiresAt) implements GroupScoped {
}
