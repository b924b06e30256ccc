package app.rota.kernel.schedule;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

@Revision("1")
public record ShiftTypeDefinedEvent(ShiftTypeId shiftTypeId, GroupId groupId, String name, LocalTime startTime,
                                    int durationHours, Set<DayOfWeek> daysOfWeek) {
}
