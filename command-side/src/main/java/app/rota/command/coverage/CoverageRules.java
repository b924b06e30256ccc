package app.rota.command.coverage;

import app.rota.command.eligibility.EligibilityPolicy;
import app.rota.command.eligibility.EligibilityPolicy.Ineligibility;
import app.rota.command.group.GroupDirectory;
import app.rota.command.member.MemberDirectory;
import app.rota.command.member.TimeOffRegister;
import app.rota.command.shifttype.ShiftTypeCatalogue;
import app.rota.command.slot.Bookings;
import app.rota.command.slot.PendingSlots;
import app.rota.kernel.common.Actor;
import app.rota.kernel.common.SaneDates;
import app.rota.kernel.common.Text;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.RequestCoverageCommand;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The rules of coverage requests, from the command side's own tables: who may ask (the slot's holder,
 * an admin for them, or an admin for an open slot), that the slot is not started nor already in a
 * pending swap or request, whom it is offered to, when it escalates, and who may claim it. Offers and
 * claims use the one {@link EligibilityPolicy} (active, admin or member, not on time off, no overlap)
 * that rotation uses.
 */
@Component
class CoverageRules {

    private final GroupDirectory groups;
    private final MemberDirectory members;
    private final ShiftTypeCatalogue shiftTypes;
    private final Bookings bookings;
    private final TimeOffRegister timeOff;
    private final PendingSlots pendingSlots;
    private final Clock clock;

    CoverageRules(GroupDirectory groups, MemberDirectory members, ShiftTypeCatalogue shiftTypes, Bookings bookings,
                  TimeOffRegister timeOff, PendingSlots pendingSlots, Clock clock) {
        this.groups = groups;
        this.members = members;
        this.shiftTypes = shiftTypes;
        this.bookings = bookings;
        this.timeOff = timeOff;
        this.pendingSlots = pendingSlots;
        this.clock = clock;
    }

    CoverageRequestedEvent requested(RequestCoverageCommand command, Actor actor) {
        GroupId group = command.groupId();
        SlotKey slot = command.slot();
        if (slot == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "slot", "Name the slot: {shiftTypeId, date}.");
        }
        SaneDates.checked(slot.date(), "slot.date");
        SlotInterval interval = interval(group, slot);
        MemberId holder = bookings.holderOf(slot).orElse(null);
        if (command.requesterId() != null && !command.requesterId().equals(holder)) {
            throw new RotaException(ErrorCode.SLOT_NOT_HELD, "requesterId",
                    "Member " + command.requesterId() + " does not hold slot " + slot + ".");
        }
        if (holder == null && !actor.actsAsAdmin()) {
            throw new RotaException(ErrorCode.ACCESS_DENIED, "Only an admin may post an open shift.");
        }
        if (holder != null) {
            actor.requireMayActFor(holder);
        }
        Instant now = clock.instant();
        if (!interval.startInstant().isAfter(now)) {
            throw new RotaException(ErrorCode.SLOT_STARTED, "slot", "A slot that has started cannot be offered.");
        }
        String reason = Text.reason(command.reason(), "reason");
        pendingSlots.requireFree(List.of(slot));
        Instant afterTimeout = now.plus(groups.escalationTimeout(group));
        Instant escalatesAt = afterTimeout.isBefore(interval.startInstant()) ? afterTimeout : interval.startInstant();
        EligibilityPolicy eligibility = eligibility(group, slot);
        List<MemberId> offeredTo = eligibility.takingCall().stream()
                .filter(member -> !member.equals(holder) && eligibility.allows(member, slot, interval))
                .toList();
        return new CoverageRequestedEvent(command.requestId(), group, slot, interval.startInstant(), interval.endInstant(),
                holder, offeredTo, reason, escalatesAt);
    }

    /** Why {@code claimant} may not take the slot, if they may not: refusals with code {@code CLAIMANT_INELIGIBLE}. */
    Optional<RotaException> whyNotClaim(GroupId group, SlotKey slot, MemberId requester, MemberId claimant) {
        members.memberOf(group, claimant, "memberId");
        if (claimant.equals(requester)) {
            return Optional.of(ineligible("The requester cannot take their own slot."));
        }
        SlotInterval interval = interval(group, slot);
        if (!interval.startInstant().isAfter(clock.instant())) {
            return Optional.of(new RotaException(ErrorCode.SLOT_STARTED, null, "The slot has already started."));
        }
        Optional<Ineligibility> why = eligibility(group, slot).whyNot(claimant, slot, interval);
        return why.map(reason -> ineligible(switch (reason) {
            case NOT_A_MEMBER -> "Not a member of this group.";
            case INACTIVE -> "The member is deactivated.";
            case DOES_NOT_TAKE_CALL -> "Auditors take no call.";
            case ON_TIME_OFF -> "The member is on time off that day.";
            case OVERLAPPING_SLOT -> "The member holds a slot that overlaps this one.";
        }));
    }

    private SlotInterval interval(GroupId group, SlotKey slot) {
        ZoneId zone = groups.zoneOf(group);
        return shiftTypes.shiftTypeOf(slot, group).pattern().slotOn(slot.date(), zone)
                .orElseThrow(() -> new RotaException(ErrorCode.SLOT_NOT_FOUND, "slot",
                        "The shift type does not occur on " + slot.date() + "."));
    }

    private EligibilityPolicy eligibility(GroupId group, SlotKey slot) {
        ZoneId zone = groups.zoneOf(group);
        return new EligibilityPolicy(members.membersOf(group), bookings.bookingsAround(group, zone, slot.date(), slot.date()),
                timeOff.timeOffOfGroup(group, slot.date(), slot.date()));
    }

    private static RotaException ineligible(String detail) {
        return new RotaException(ErrorCode.CLAIMANT_INELIGIBLE, "memberId", detail);
    }
}
