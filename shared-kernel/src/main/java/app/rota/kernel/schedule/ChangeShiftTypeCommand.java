package app.rota.kernel.schedule;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.DayOfWeek;
import java.util.Set;

/**
 * Renames a shift type or changes the days it occurs on ({@code null}: unchanged). Its timing (start,
 * duration) is fixed once defined: retire it and define a new one, so recorded slots keep their meaning.
 */
public record ChangeShiftTypeCommand(@TargetAggregateIdentifier ShiftTypeId shiftTypeId, GroupId groupId, String name,
                                     Set<DayOfWeek> daysOfWeek) implements GroupScoped {
}
