package app.rota.command.eligibility;

import app.rota.command.member.MemberDirectory.MemberFacts;
import app.rota.command.member.TimeOffRegister.TimeOff;
import app.rota.command.slot.Bookings.Booking;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may take a slot, over a snapshot of a group's members, bookings and time off around a range of
 * dates: a member is eligible if they are active, take call (admin or member, not auditor), are not on
 * time off on the slot's date and hold no other slot that overlaps it. Rotation asks it for every
 * slot it plans (and {@link #hold}s what it plans, so later slots see it); coverage offers ask it
 * which colleagues a slot can be offered to. Plain and deterministic: no database, no clock.
 */
public final class EligibilityPolicy {

    /** Why a member may not take a slot. */
    public enum Ineligibility { NOT_A_MEMBER, INACTIVE, DOES_NOT_TAKE_CALL, ON_TIME_OFF, OVERLAPPING_SLOT }

    private record Held(SlotKey slot, SlotInterval interval) {
    }

    private final Map<MemberId, MemberFacts> members = new LinkedHashMap<>();
    private final Map<MemberId, List<Held>> held = new HashMap<>();
    private final List<TimeOff> timeOff;

    /**
     * @param members  the group's members, in the order they joined
     * @param bookings the group's bookings that can overlap the slots to be asked about
     * @param timeOff  the group's time off on the dates to be asked about
     */
    public EligibilityPolicy(List<MemberFacts> members, List<Booking> bookings, List<TimeOff> timeOff) {
        members.forEach(member -> this.members.put(member.memberId(), member));
        bookings.forEach(booking -> hold(booking.memberId(), booking.slot(), booking.interval()));
        this.timeOff = List.copyOf(timeOff);
    }

    /** The members who take call (active admins and members), in the order they joined. */
    public List<MemberId> takingCall() {
        return members.values().stream().filter(MemberFacts::takesCall).map(MemberFacts::memberId).toList();
    }

    public boolean allows(MemberId member, SlotKey slot, SlotInterval interval) {
        return whyNot(member, slot, interval).isEmpty();
    }

    /** Empty if the member may take the slot; otherwise the first rule that stops them. */
    public Optional<Ineligibility> whyNot(MemberId member, SlotKey slot, SlotInterval interval) {
        MemberFacts facts = members.get(member);
        if (facts == null) {
            return Optional.of(Ineligibility.NOT_A_MEMBER);
        }
        if (!facts.active()) {
            return Optional.of(Ineligibility.INACTIVE);
        }
        if (!facts.takesCall()) {
            return Optional.of(Ineligibility.DOES_NOT_TAKE_CALL);
        }
        if (timeOff.stream().anyMatch(off -> off.memberId().equals(member) && off.covers(slot.date()))) {
            return Optional.of(Ineligibility.ON_TIME_OFF);
        }
        if (held.getOrDefault(member, List.of()).stream()
                .anyMatch(h -> !h.slot().equals(slot) && h.interval().overlaps(interval))) {
            return Optional.of(Ineligibility.OVERLAPPING_SLOT);
        }
        return Optional.empty();
    }

    /** Counts the slot as the member's from now on (a planned assignment). */
    public void hold(MemberId member, SlotKey slot, SlotInterval interval) {
        held.computeIfAbsent(member, m -> new ArrayList<>()).add(new Held(slot, interval));
    }
}
