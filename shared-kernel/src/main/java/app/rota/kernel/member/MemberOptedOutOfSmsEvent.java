package app.rota.kernel.member;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

/** No SMS goes to the member until they opt in again; {@code keyword} is what they texted, or {@code TWILIO_21610}. */
@Revision("1")
public record MemberOptedOutOfSmsEvent(MemberId memberId, GroupId groupId, String keyword) {
}
