package app.rota.kernel.member;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

/** {@code phone} is E.164. No credentials: logins live in the accounts table. */
@Revision("1")
public record MemberAddedEvent(MemberId memberId, GroupId groupId, String name, String phone, MemberRole role) {
}
