package app.rota.kernel.member;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a member; {@code phone} is as typed by the client and normalised to E.164 by the handler. */
public record AddMemberCommand(@TargetAggregateIdentifier MemberId memberId, GroupId groupId, String name,
                               String phone, MemberRole role) implements GroupScoped {
}
