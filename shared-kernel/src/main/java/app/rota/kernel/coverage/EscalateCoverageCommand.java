package app.rota.kernel.coverage;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the request's deadline at {@code escalatesAt}: a request still open is escalated to the admins. */
public record EscalateCoverageCommand(@TargetAggregateIdentifier CoverageRequestId requestId, GroupId groupId) implements GroupScoped {
}
