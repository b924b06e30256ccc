package app.rota.kernel.schedule;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ShiftTypeRetiredEvent(ShiftTypeId shiftTypeId, GroupId groupId) {
}
