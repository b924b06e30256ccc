package app.rota.command.slot;

import app.rota.command.lookup.CommandLookups;
import app.rota.command.lookup.CommandLookups.MemberFacts;
import app.rota.command.lookup.CommandLookups.ShiftTypeFacts;
import app.rota.kernel.common.SaneDates;
import app.rota.kernel.common.Text;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.AssignSlotCommand;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotState;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.schedule.UnassignSlotCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One slot: a shift type on a date. The consistency boundary of an edit, so edits of different slots
 * never contend; the rule that spans slots (no member double-booked) is the bookings lookup's.
 * {@code version} counts the slot's events: 0 for a slot never edited.
 */
@Aggregate
class SlotAggregate {

    @AggregateIdentifier
    private SlotKey slot;
    private GroupId groupId;
    private MemberId assignee;
    private long version;

    SlotAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SlotState handle(AssignSlotCommand command, CommandLookups lookups) {
        requireGroup(command.slot(), command.groupId(), lookups);
        requireVersion(command.slot(), command.expectedVersion());
        SlotInterval interval = SlotRules.interval(command.slot(), command.groupId(), lookups);
        if (command.memberId() == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "memberId", "Name the member to assign.");
        }
        MemberFacts member = lookups.member(command.memberId())
                .filter(m -> m.groupId().equals(command.groupId()))
                .orElseThrow(() -> new RotaException(ErrorCode.MEMBER_NOT_FOUND, "memberId",
                        "No member " + command.memberId() + " in this group."));
        if (!member.active()) {
            throw new RotaException(ErrorCode.MEMBER_INACTIVE, "memberId", "A deactivated member cannot be assigned.");
        }
        if (command.memberId().equals(assignee)) {
            return state(command.slot());
        }
        if (command.onlyIfOpen() && assignee != null) {
            throw new RotaException(ErrorCode.SLOT_ALREADY_ASSIGNED, null, "The slot was assigned meanwhile.", state(command.slot()));
        }
        String reason = Text.reason(command.reason(), "reason");
        lookups.book(command.slot(), command.groupId(), command.memberId(), interval);
        apply(new SlotAssignedEvent(command.slot(), command.groupId(), command.memberId(), assignee,
                reason, interval.startInstant(), interval.endInstant()));
        return state(command.slot());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SlotState handle(UnassignSlotCommand command, CommandLookups lookups) {
        requireGroup(command.slot(), command.groupId(), lookups);
        requireVersion(command.slot(), command.expectedVersion());
        String reason = Text.reason(command.reason(), "reason");
        if (assignee == null) {
            return state(command.slot());
        }
        lookups.release(command.slot());
        apply(new SlotUnassignedEvent(command.slot(), command.groupId(), assignee, reason));
        return state(command.slot());
    }

    /**
     * The slot belongs to the group the command names: its shift type is the group's, its date is one
     * Rota accepts, and a slot already edited was edited in this group. Checked before anything else,
     * so a refusal never shows another group's slot (not even its version).
     */
    private void requireGroup(SlotKey requested, GroupId requestedGroup, CommandLookups lookups) {
        SaneDates.checked(requested.date(), "date");
        SlotRules.shiftTypeOf(requested, requestedGroup, lookups);
        if (groupId != null && !groupId.equals(requestedGroup)) {
            throw SlotRules.noSuchShiftType(requested);
        }
    }

    private void requireVersion(SlotKey requested, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new RotaException(ErrorCode.VERSION_CONFLICT, "expectedVersion",
                    "The slot is at version " + version + ", not " + expectedVersion + ": read it again and retry.",
                    state(requested));
        }
    }

    private SlotState state(SlotKey requested) {
        return new SlotState(slot != null ? slot : requested, assignee, version);
    }

    @EventSourcingHandler
    void on(SlotAssignedEvent event) {
        slot = event.slot();
        groupId = event.groupId();
        assignee = event.memberId();
        version++;
    }

    @EventSourcingHandler
    void on(SlotUnassignedEvent event) {
        slot = event.slot();
        groupId = event.groupId();
        assignee = null;
        version++;
    }

    /**
     * Where a slot can be assigned: its shift type belongs to the group, is active, and occurs on the
     * date. Unassigning needs only the first, so assignments of a since-retired shift type can be removed.
     */
    static final class SlotRules {

        private SlotRules() {
        }

        static ShiftTypeFacts shiftTypeOf(SlotKey slot, GroupId groupId, CommandLookups lookups) {
            return lookups.shiftType(slot.shiftTypeId())
                    .filter(s -> s.groupId().equals(groupId))
                    .orElseThrow(() -> noSuchShiftType(slot));
        }

        static RotaException noSuchShiftType(SlotKey slot) {
            return new RotaException(ErrorCode.SHIFT_TYPE_NOT_FOUND, "shiftTypeId",
                    "No shift type " + slot.shiftTypeId() + " in this group.");
        }

        static SlotInterval interval(SlotKey slot, GroupId groupId, CommandLookups lookups) {
            ShiftTypeFacts shiftType = shiftTypeOf(slot, groupId, lookups);
            if (shiftType.retired()) {
                throw new RotaException(ErrorCode.SHIFT_TYPE_RETIRED, "shiftTypeId", "The shift type is retired.");
            }
            if (!shiftType.occursOn(slot.date())) {
                throw new RotaException(ErrorCode.SLOT_NOT_FOUND, "date",
                        "The shift type does not occur on " + slot.date().getDayOfWeek() + " " + slot.date() + ".");
            }
            return shiftType.timing().intervalOn(slot.date(), lookups.zoneOf(groupId));
        }
    }
}
