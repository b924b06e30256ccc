package app.rota.command.swap;

import app.rota.command.group.GroupDirectory;
import app.rota.command.member.MemberDirectory;
import app.rota.command.member.MemberDirectory.MemberFacts;
import app.rota.command.shifttype.ShiftTypeCatalogue;
import app.rota.command.slot.Bookings;
import app.rota.command.slot.PendingSlots;
import app.rota.command.slot.SlotHandOvers;
import app.rota.command.slot.SlotHandOvers.HandOver;
import app.rota.kernel.common.Actor;
import app.rota.kernel.common.SaneDates;
import app.rota.kernel.common.Text;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.swap.ProposeSwapCommand;
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapProposedEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a swap must meet to be proposed, in the order a client would fix them: who proposes (the
 * holder of {@code fromSlot}, or an admin for them), with whom (another active admin or member), which
 * slots (held by each side, not started), when it expires, that neither slot is already in a pending
 * swap or coverage request, and that the move could be made now (nobody double-booked, nobody on time
 * off afterwards).
 */
@Component
class SwapProposal {

    /** A proposal left unanswered expires after this, or when its earliest slot starts if sooner. */
    static final Duration DEFAULT_EXPIRY = Duration.ofHours(48);

    private final GroupDirectory groups;
    private final MemberDirectory members;
    private final ShiftTypeCatalogue shiftTypes;
    private final Bookings bookings;
    private final PendingSlots pendingSlots;
    private final SlotHandOvers handOvers;
    private final Clock clock;

    SwapProposal(GroupDirectory groups, MemberDirectory members, ShiftTypeCatalogue shiftTypes, Bookings bookings,
                 PendingSlots pendingSlots, SlotHandOvers handOvers, Clock clock) {
        this.groups = groups;
        this.members = members;
        this.shiftTypes = shiftTypes;
        this.bookings = bookings;
        this.pendingSlots = pendingSlots;
        this.handOvers = handOvers;
        this.clock = clock;
    }

    SwapProposedEvent checked(ProposeSwapCommand command, Actor actor) {
        GroupId group = command.groupId();
        ZoneId zone = groups.zoneOf(group);
        MemberId proposer = command.proposerId() != null ? command.proposerId() : actor.memberId();
        if (proposer == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "proposerId", "Name the member you propose the swap for.");
        }
        actor.requireMayActFor(proposer);
        members.memberOf(group, proposer, "proposerId");
        MemberId counterpart = counterpart(group, proposer, command.counterpartId());

        SlotInterval from = heldSlot(group, zone, command.fromSlot(), proposer, "fromSlot");
        SlotKey toSlot = command.toSlot();
        SlotInterval to = toSlot == null ? null : heldSlot(group, zone, toSlot, counterpart, "toSlot");
        Instant now = clock.instant();
        Instant earliestStart = to == null || from.startInstant().isBefore(to.startInstant()) ? from.startInstant() : to.startInstant();
        if (!earliestStart.isAfter(now)) {
            throw new RotaException(ErrorCode.SLOT_STARTED, to != null && to.startInstant().equals(earliestStart) ? "toSlot" : "fromSlot",
                    "A slot that has started cannot be swapped.");
        }
        String reason = Text.reason(command.reason(), "reason");
        Instant expiresAt = expiresAt(command.expiresAt(), now, earliestStart);

        pendingSlots.requireFree(toSlot == null ? List.of(command.fromSlot()) : List.of(command.fromSlot(), toSlot));
        List<HandOver> moves = new ArrayList<>();
        moves.add(new HandOver(command.fromSlot(), proposer, counterpart));
        if (toSlot != null) {
            moves.add(new HandOver(toSlot, counterpart, proposer));
        }
        handOvers.requirePossible(group, moves);

        return new SwapProposedEvent(command.swapId(), group, toSlot == null ? SwapKind.GIVE_AWAY : SwapKind.TRADE,
                proposer, counterpart, command.fromSlot(), from.startInstant(), from.endInstant(),
                toSlot, to == null ? null : to.startInstant(), to == null ? null : to.endInstant(), reason, expiresAt);
    }

    private MemberId counterpart(GroupId group, MemberId proposer, MemberId counterpart) {
        if (counterpart == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "counterpartId", "Name the member to swap with.");
        }
        if (counterpart.equals(proposer)) {
            throw new RotaException(ErrorCode.COUNTERPART_INVALID, "counterpartId", "A member cannot swap with themselves.");
        }
        MemberFacts facts = members.memberOf(group, counterpart, "counterpartId");
        if (!facts.takesCall()) {
            throw new RotaException(ErrorCode.COUNTERPART_INVALID, "counterpartId",
                    "The counterpart is deactivated or an auditor and takes no call.");
        }
        return counterpart;
    }

    /** The slot's real interval, if the slot is the group's and {@code holder} holds it. */
    private SlotInterval heldSlot(GroupId group, ZoneId zone, SlotKey slot, MemberId holder, String field) {
        if (slot == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, field, "Name the slot: {shiftTypeId, date}.");
        }
        SaneDates.checked(slot.date(), field + ".date");
        SlotInterval interval = shiftTypes.shiftTypeOf(slot, group).pattern().slotOn(slot.date(), zone)
                .orElseThrow(() -> new RotaException(ErrorCode.SLOT_NOT_FOUND, field,
                        "The shift type does not occur on " + slot.date() + "."));
        if (!bookings.holderOf(slot).map(holder::equals).orElse(false)) {
            throw new RotaException(ErrorCode.SLOT_NOT_HELD, field, "Member " + holder + " does not hold slot " + slot + ".");
        }
        return interval;
    }

    private static Instant expiresAt(Instant requested, Instant now, Instant earliestStart) {
        if (requested == null) {
            Instant byDefault = now.plus(DEFAULT_EXPIRY);
            return byDefault.isBefore(earliestStart) ? byDefault : earliestStart;
        }
        if (!SaneDates.isSane(requested)) {
            throw SaneDates.outOfRange("expiresAt");
        }
        if (!requested.isAfter(now) || requested.isAfter(earliestStart)) {
            throw new RotaException(ErrorCode.DATE_RANGE_INVALID, "expiresAt",
                    "A swap expires after now and no later than its earliest slot starts (" + earliestStart + ").");
        }
        return requested;
    }
}
