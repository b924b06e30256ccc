package app.rota.kernel.schedule;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

public record DefineShiftTypeCommand(@TargetAggregateIdentifier ShiftTypeId shiftTypeId, GroupId groupId, String name,
                                     LocalTime startTime, Integer durationHours, Set<DayOfWeek> daysOfWeek) implements GroupScoped {
}
