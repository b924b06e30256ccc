package app.rota.kernel.member;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes what is given; a {@code null} field stays as it is. */
public record ChangeMemberCommand(@TargetAggregateIdentifier MemberId memberId, GroupId groupId, String name,
                                  String phone, MemberRole role) implements GroupScoped {
}
