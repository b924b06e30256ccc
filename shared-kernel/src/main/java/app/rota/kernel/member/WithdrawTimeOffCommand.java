package app.rota.kernel.member;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member is no longer away on the dates of that declaration: by the member, or an admin for them. */
public record WithdrawTimeOffCommand(@TargetAggregateIdentifier MemberId memberId, GroupId groupId, TimeOffId timeOffId)
        implements GroupScoped {
}
