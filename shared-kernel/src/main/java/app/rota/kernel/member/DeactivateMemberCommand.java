package app.rota.kernel.member;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeactivateMemberCommand(@TargetAggregateIdentifier MemberId memberId, GroupId groupId) implements GroupScoped {
}
