package app.rota.kernel.member;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

/** The member's details after the change, and before it (for the audit). */
@Revision("1")
public record MemberChangedEvent(MemberId memberId, GroupId groupId, String name, String phone, MemberRole role,
                                 String previousName, String previousPhone, MemberRole previousRole) {
}
