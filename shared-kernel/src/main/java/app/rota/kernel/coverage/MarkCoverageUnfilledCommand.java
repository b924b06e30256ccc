package app.rota.kernel.coverage;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the request's deadline at the shift's start: a request still open is UNFILLED. */
public record MarkCoverageUnfilledCommand(@TargetAggregateIdentifier CoverageRequestId requestId, GroupId groupId)
        implements GroupScoped {
}
