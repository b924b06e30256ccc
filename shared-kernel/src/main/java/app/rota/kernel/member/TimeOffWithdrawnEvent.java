package app.rota.kernel.member;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The declaration {@code timeOffId} no longer holds; {@code from} and {@code to} are its dates, for readers. */
@Revision("1")
public record TimeOffWithdrawnEvent(MemberId memberId, GroupId groupId, TimeOffId timeOffId, LocalDate from, LocalDate to) {
}
