package app.rota.kernel.schedule;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

import java.time.DayOfWeek;
import java.util.Set;

@Revision("1")
public record ShiftTypeChangedEvent(ShiftTypeId shiftTypeId, GroupId groupId, String name, Set<DayOfWeek> daysOfWeek) {
}
