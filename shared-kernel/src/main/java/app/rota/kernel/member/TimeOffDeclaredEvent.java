package app.rota.kernel.member;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The member is away on the group-local dates {@code from} to {@code to}, inclusive. Revision 2 added
 * {@code timeOffId}; a revision 1 event is read with the id its event message was stored under (an upcaster).
 */
@Revision("2")
public record TimeOffDeclaredEvent(MemberId memberId, GroupId groupId, TimeOffId timeOffId, LocalDate from, LocalDate to,
                                   String reason) {
}
