package app.rota.command.slot;

import app.rota.command.group.GroupDirectory;
import app.rota.command.member.MemberDirectory;
import app.rota.command.member.MemberDirectory.MemberFacts;
import app.rota.command.member.TimeOffRegister;
import app.rota.command.shifttype.ShiftTypeCatalogue;
import app.rota.command.slot.Bookings.Holding;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Moves one or two slots between members as one change, in the transaction of the command that asks
 * (a swap's completion): everything is checked first (each slot still held by its giver and not
 * started, each taker active, taking call and not on time off, and nobody double-booked afterwards,
 * a trade being checked as one exchange), and only then are the slots' events applied. So either every
 * slot moves or none does, and no member holds overlapping slots at any moment.
 */
@Component
public class SlotHandOvers {

    /** One slot moving from {@code giver} (null: an open slot) to {@code taker}. */
    public record HandOver(SlotKey slot, MemberId giver, MemberId taker) {
    }

    private record Checked(HandOver handOver, SlotInterval interval) {
    }

    private final Repository<SlotAggregate> slots;
    private final GroupDirectory groups;
    private final ShiftTypeCatalogue shiftTypes;
    private final MemberDirectory members;
    private final TimeOffRegister timeOff;
    private final Bookings bookings;
    private final Clock clock;

    SlotHandOvers(Repository<SlotAggregate> slots, GroupDirectory groups, ShiftTypeCatalogue shiftTypes,
                  MemberDirectory members, TimeOffRegister timeOff, Bookings bookings, Clock clock) {
        this.slots = slots;
        this.groups = groups;
        this.shiftTypes = shiftTypes;
        this.members = members;
        this.timeOff = timeOff;
        this.bookings = bookings;
        this.clock = clock;
    }

    /**
     * Checks the move and applies it, or refuses (a {@link RotaException}) having applied nothing.
     * {@code cause} is recorded on each slot's event (e.g. the swap that moved it).
     */
    public void handOver(GroupId groupId, List<HandOver> handOvers, String reason, MetaData cause) {
        // 1. Every slot's aggregate, in key order, and what it says is still true: after this, no one
        //    else can change these slots until this transaction ends. Slot first, then members' locks,
        //    as a plain assignment takes them, so the two never wait on each other.
        List<HandOver> ordered = handOvers.stream().sorted(Comparator.comparing(h -> h.slot().toString())).toList();
        List<Aggregate<SlotAggregate>> aggregates = new ArrayList<>();
        for (HandOver handOver : ordered) {
            Aggregate<SlotAggregate> aggregate = slotAggregate(handOver);
            aggregate.execute(slot -> slot.requireHeldBy(handOver.slot(), handOver.giver()));
            aggregates.add(aggregate);
        }
        // 2. The rules across slots, under the members' locks. 3. Only then the events: all or none.
        List<Checked> checked = check(groupId, ordered);
        for (int i = 0; i < checked.size(); i++) {
            Checked move = checked.get(i);
            HandOver handOver = move.handOver();
            aggregates.get(i).execute(slot -> slot.handOver(handOver.slot(), groupId, handOver.giver(),
                    handOver.taker(), move.interval(), reason, cause));
        }
    }

    /** The slot's aggregate; an open slot never edited has none yet, and gets it now. */
    private Aggregate<SlotAggregate> slotAggregate(HandOver handOver) {
        if (handOver.giver() != null) {
            return slots.load(handOver.slot().toString());
        }
        try {
            return slots.loadOrCreate(handOver.slot().toString(), SlotAggregate::new);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the aggregate of slot " + handOver.slot(), e);
        }
    }

    /**
     * Refuses, with the first rule it breaks, a move that could not be applied now (a swap's proposal is
     * checked so). Takes the members' locks to the end of the transaction.
     */
    public void requirePossible(GroupId groupId, List<HandOver> handOvers) {
        check(groupId, handOvers);
    }

    private List<Checked> check(GroupId groupId, List<HandOver> handOvers) {
        ZoneId zone = groups.zoneOf(groupId);
        Instant now = clock.instant();
        List<Checked> checked = new ArrayList<>();
        for (HandOver handOver : handOvers.stream().sorted(Comparator.comparing(h -> h.slot().toString())).toList()) {
            SlotInterval interval = SlotRules.assignableInterval(handOver.slot(),
                    shiftTypes.shiftTypeOf(handOver.slot(), groupId), zone);
            if (!interval.startInstant().isAfter(now)) {
                throw new RotaException(ErrorCode.SLOT_STARTED, null, "Slot " + handOver.slot() + " has already started.");
            }
            if (!Objects.equals(bookings.holderOf(handOver.slot()).orElse(null), handOver.giver())) {
                throw new RotaException(ErrorCode.SLOT_NOT_HELD, null, handOver.giver() == null
                        ? "Slot " + handOver.slot() + " has been assigned meanwhile."
                        : "Slot " + handOver.slot() + " is no longer held by the member who gives it.");
            }
            MemberFacts taker = members.memberOf(groupId, handOver.taker(), "memberId");
            if (!taker.takesCall()) {
                throw new RotaException(ErrorCode.MEMBER_INACTIVE, null,
                        "Member " + handOver.taker() + " is deactivated or an auditor and cannot take slot " + handOver.slot() + ".");
            }
            if (timeOff.timeOffOfGroup(groupId, handOver.slot().date(), handOver.slot().date()).stream()
                    .anyMatch(off -> off.memberId().equals(handOver.taker()))) {
                throw new RotaException(ErrorCode.MEMBER_ON_TIME_OFF, null,
                        "Member " + handOver.taker() + " is on time off on " + handOver.slot().date() + ".");
            }
            checked.add(new Checked(handOver, interval));
        }
        if (isExchange(checked)) {
            bookings.requireExchangeable(new Holding(checked.get(0).handOver().giver(), checked.get(0).handOver().slot(), checked.get(0).interval()),
                    new Holding(checked.get(1).handOver().giver(), checked.get(1).handOver().slot(), checked.get(1).interval()));
        } else {
            for (Checked move : checked) {
                bookings.requireFree(move.handOver().taker(), move.handOver().slot(), move.interval());
            }
        }
        return checked;
    }

    private static boolean isExchange(List<Checked> checked) {
        return checked.size() == 2
                && Objects.equals(checked.get(0).handOver().giver(), checked.get(1).handOver().taker())
                && Objects.equals(checked.get(1).handOver().giver(), checked.get(0).handOver().taker());
    }
}
