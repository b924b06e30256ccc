package app.rota.kernel.member;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

/** The member gets SMS again; {@code keyword} is what they texted. */
@Revision("1")
public record MemberOptedInToSmsEvent(MemberId memberId, GroupId groupId, String keyword) {
}
