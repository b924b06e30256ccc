package app.rota.kernel.coverage;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.serialization.Revision;

/** The request was still open at escalatesAt: the admins are told. */
@Revision("1")
public record CoverageEscalatedEvent(CoverageRequestId requestId, GroupId groupId, SlotKey slot, MemberId requesterId) {
}
