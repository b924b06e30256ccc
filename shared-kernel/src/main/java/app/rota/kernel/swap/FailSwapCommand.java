package app.rota.kernel.swap;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a pending swap as FAILED, e.g. because one of its slots was changed by something else. */
public record FailSwapCommand(@TargetAggregateIdentifier SwapId swapId, GroupId groupId, String failureReason)
        implements GroupScoped {
}
