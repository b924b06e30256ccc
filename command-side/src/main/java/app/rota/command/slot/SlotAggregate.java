package app.rota.command.slot;

import app.rota.command.group.GroupDirectory;
import app.rota.command.member.MemberDirectory;
import app.rota.command.member.MemberDirectory.MemberFacts;
import app.rota.command.shifttype.ShiftTypeCatalogue;
import app.rota.command.shifttype.ShiftTypeCatalogue.ShiftTypeFacts;
import app.rota.kernel.common.SaneDates;
import app.rota.kernel.common.Text;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.AssignSlotCommand;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotState;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.schedule.SlotVersion;
import app.rota.kernel.schedule.UnassignSlotCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One slot: a shift type on a date. The consistency boundary of an edit, so edits of different slots
 * never contend; the rule that spans slots (no member double-booked) is {@link Bookings}'. Its
 * {@code version} is {@link SlotVersion}: the number of events in its stream, 0 for a slot never edited.
 */
@Aggregate
class SlotAggregate {

    @AggregateIdentifier
    private SlotKey slot;
    private GroupId groupId;
    private MemberId assignee;
    private long version = SlotVersion.NEVER_EDITED;

    SlotAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SlotState handle(AssignSlotCommand command, GroupDirectory groups, ShiftTypeCatalogue shiftTypes,
                     MemberDirectory members, Bookings bookings) {
        ShiftTypeFacts shiftType = requireGroup(command.slot(), command.groupId(), shiftTypes);
        requireVersion(command.slot(), command.expectedVersion());
        SlotInterval interval = SlotRules.assignableInterval(command.slot(), shiftType, groups.zoneOf(command.groupId()));
        if (command.memberId() == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "memberId", "Name the member to assign.");
        }
        MemberFacts member = members.memberOf(command.groupId(), command.memberId(), "memberId");
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
        bookings.requireFree(command.memberId(), command.slot(), interval);
        apply(new SlotAssignedEvent(command.slot(), command.groupId(), command.memberId(), assignee,
                reason, interval.startInstant(), interval.endInstant()));
        return state(command.slot());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SlotState handle(UnassignSlotCommand command, ShiftTypeCatalogue shiftTypes) {
        requireGroup(command.slot(), command.groupId(), shiftTypes);
        requireVersion(command.slot(), command.expectedVersion());
        String reason = Text.reason(command.reason(), "reason");
        if (assignee == null) {
            return state(command.slot());
        }
        apply(new SlotUnassignedEvent(command.slot(), command.groupId(), assignee, reason));
        return state(command.slot());
    }

    /**
     * Hands the slot to {@code taker}, as part of a move that {@link SlotHandOvers} has checked as a whole
     * (a trade, a give-away, a covered request). The slot must still be held by {@code giver} (no one, for
     * an open shift).
     */
    void handOver(SlotKey key, GroupId group, MemberId giver, MemberId taker, SlotInterval interval, String reason,
                  MetaData cause) {
        requireHeldBy(key, giver);
        apply(new SlotAssignedEvent(key, group, taker, assignee, reason, interval.startInstant(), interval.endInstant()),
                cause);
    }

    /** Refuses with {@code SLOT_NOT_HELD} unless {@code giver} holds the slot (null: no one does). */
    void requireHeldBy(SlotKey key, MemberId giver) {
        if (!java.util.Objects.equals(giver, assignee)) {
            throw new RotaException(ErrorCode.SLOT_NOT_HELD, null, "Slot " + key + " changed meanwhile: "
                    + (giver == null ? "it is no longer open." : giver + " no longer holds it."), state(key));
        }
    }

    /**
     * The slot belongs to the group the command names: its shift type is the group's, its date is one
     * Rota accepts, and a slot already edited was edited in this group. Checked before anything else,
     * so a refusal never shows another group's slot (not even its version).
     */
    private ShiftTypeFacts requireGroup(SlotKey requested, GroupId requestedGroup, ShiftTypeCatalogue shiftTypes) {
        SaneDates.checked(requested.date(), "date");
        ShiftTypeFacts shiftType = shiftTypes.shiftTypeOf(requested, requestedGroup);
        if (groupId != null && !groupId.equals(requestedGroup)) {
            throw ShiftTypeCatalogue.notFound(requested.shiftTypeId());
        }
        return shiftType;
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
    void on(SlotAssignedEvent event, @SequenceNumber long sequence) {
        slot = event.slot();
        groupId = event.groupId();
        assignee = event.memberId();
        version = SlotVersion.afterEvent(sequence);
    }

    @EventSourcingHandler
    void on(SlotUnassignedEvent event, @SequenceNumber long sequence) {
        slot = event.slot();
        groupId = event.groupId();
        assignee = null;
        version = SlotVersion.afterEvent(sequence);
    }
}
