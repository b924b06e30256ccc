package app.rota.kernel.member;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberDeactivatedEvent(MemberId memberId, GroupId groupId) {
}
