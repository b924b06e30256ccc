package app.rota.kernel.swap;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the swap's deadline: a swap still pending at its {@code expiresAt} expires. */
public record ExpireSwapCommand(@TargetAggregateIdentifier SwapId swapId, GroupId groupId) implements GroupScoped {
}
