package app.rota.kernel.swap;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelSwapCommand(@TargetAggregateIdentifier SwapId swapId, GroupId groupId, String reason) implements GroupScoped {
}
