package app.rota.kernel.coverage;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveCoverageCommand(@TargetAggregateIdentifier CoverageRequestId requestId, GroupId groupId, String reason)
        implements GroupScoped {
}
