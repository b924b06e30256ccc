package app.rota.kernel.member;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record TimeOffDeclaredEvent(MemberId memberId, GroupId groupId, LocalDate from, LocalDate to, String reason) {
}
