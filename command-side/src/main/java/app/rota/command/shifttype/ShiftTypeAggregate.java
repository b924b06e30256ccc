package app.rota.command.shifttype;

import app.rota.command.Names;
import app.rota.command.group.GroupDirectory;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.ChangeShiftTypeCommand;
import app.rota.kernel.schedule.DefineShiftTypeCommand;
import app.rota.kernel.schedule.RetireShiftTypeCommand;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeChangedEvent;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.ShiftTypeRetiredEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A call type (Primary, Backup, Night…): local start time, duration, days it occurs on. */
@Aggregate
class ShiftTypeAggregate {

    @AggregateIdentifier
    private ShiftTypeId shiftTypeId;
    private GroupId groupId;
    private String name;
    private Set<DayOfWeek> days;
    private boolean retired;

    ShiftTypeAggregate() {
    }

    @CommandHandler
    ShiftTypeAggregate(DefineShiftTypeCommand command, GroupDirectory groups) {
        groups.zoneOf(command.groupId());
        String name = Names.valid(command.name(), "The shift type");
        if (command.startTime() == null) {
            throw new RotaException(ErrorCode.START_TIME_INVALID, "startTime", "A local start time such as 08:00 is required.");
        }
        if (command.durationHours() == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "durationHours", "A duration in whole hours is required.");
        }
        if (command.durationHours() < ShiftTiming.MIN_DURATION_HOURS || command.durationHours() > ShiftTiming.MAX_DURATION_HOURS) {
            throw new RotaException(ErrorCode.DURATION_INVALID, "durationHours",
                    "A shift lasts " + ShiftTiming.MIN_DURATION_HOURS + " to " + ShiftTiming.MAX_DURATION_HOURS + " hours.");
        }
        Set<DayOfWeek> days = validDays(command.daysOfWeek());
        apply(new ShiftTypeDefinedEvent(command.shiftTypeId(), command.groupId(), name, command.startTime(),
                command.durationHours(), days));
    }

    @CommandHandler
    void handle(ChangeShiftTypeCommand command) {
        requireGroup(command.groupId());
        if (retired) {
            throw new RotaException(ErrorCode.SHIFT_TYPE_RETIRED, "The shift type is retired and can no longer change.");
        }
        String newName = command.name() == null ? name : Names.valid(command.name(), "The shift type");
        Set<DayOfWeek> newDays = command.daysOfWeek() == null ? days : validDays(command.daysOfWeek());
        if (newName.equals(name) && newDays.equals(days)) {
            return;
        }
        apply(new ShiftTypeChangedEvent(shiftTypeId, groupId, newName, newDays));
    }

    @CommandHandler
    void handle(RetireShiftTypeCommand command) {
        requireGroup(command.groupId());
        if (!retired) {
            apply(new ShiftTypeRetiredEvent(shiftTypeId, groupId));
        }
    }

    private void requireGroup(GroupId requested) {
        if (!groupId.equals(requested)) {
            throw new RotaException(ErrorCode.SHIFT_TYPE_NOT_FOUND, "No shift type " + shiftTypeId + " in this group.");
        }
    }

    private static Set<DayOfWeek> validDays(Set<DayOfWeek> days) {
        if (days == null || days.isEmpty() || days.stream().anyMatch(Objects::isNull)) {
            throw new RotaException(ErrorCode.DAYS_OF_WEEK_INVALID, "daysOfWeek",
                    "Name at least one day of week, e.g. [\"MONDAY\", \"TUESDAY\"].");
        }
        return EnumSet.copyOf(days);
    }

    @EventSourcingHandler
    void on(ShiftTypeDefinedEvent event) {
        shiftTypeId = event.shiftTypeId();
        groupId = event.groupId();
        name = event.name();
        days = event.daysOfWeek();
    }

    @EventSourcingHandler
    void on(ShiftTypeChangedEvent event) {
        name = event.name();
        days = event.daysOfWeek();
    }

    @EventSourcingHandler
    void on(ShiftTypeRetiredEvent event) {
        retired = true;
    }
}
