package app.rota.command.rotation;

import app.rota.command.lookup.CommandLookups;
import app.rota.command.lookup.CommandLookups.Booking;
import app.rota.command.lookup.CommandLookups.ShiftTypeFacts;
import app.rota.command.lookup.CommandLookups.TimeOff;
import app.rota.kernel.common.DateRange;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.AssignSlotCommand;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates a rotation: plans with {@link RotationPlan}, then assigns slot by slot, each its own
 * command with {@code onlyIfOpen}, so a slot edited meanwhile is left as the editor made it and
 * reported, never overwritten. Past slots and assigned slots are never touched.
 */
@Component
class RotationService {

    static final int MAX_DAYS = 366;
    /**
     * The most slots one request may fill: each is a command and an event, so a request's work is bounded
     * (a year of three daily shift types fits; a larger plan is split into several requests).
     */
    static final int MAX_SLOTS = 1_200;
    static final String REASON = "rotation";

    record Request(GroupId groupId, LocalDate from, LocalDate to, List<MemberId> memberIds, List<ShiftTypeId> shiftTypeIds) {
    }

    record LeftOpen(SlotKey slot, String reason) {
    }

    record MemberLoad(MemberId memberId, int slots, int weekendAndHolidaySlots) {
    }

    record Result(int assigned, List<LeftOpen> leftOpen, List<MemberLoad> load, int slotSpread, int weekendAndHolidaySpread) {
    }

    private final CommandLookups lookups;
    private final CommandGateway commands;
    private final Clock clock;

    RotationService(CommandLookups lookups, CommandGateway commands, Clock clock) {
        this.lookups = lookups;
        this.commands = commands;
        this.clock = clock;
    }

    Result generate(Request request) {
        ZoneId zone = lookups.zoneOf(request.groupId());
        DateRange.checked(request.from(), request.to(), MAX_DAYS, "A rotation");
        List<MemberId> team = team(request);
        List<ShiftTypeFacts> shiftTypes = shiftTypes(request);
        Set<LocalDate> holidays = lookups.holidaysOf(request.groupId());

        Instant windowStart = request.from().minusDays(8).atStartOfDay(zone).toInstant();
        Instant windowEnd = request.to().plusDays(9).atStartOfDay(zone).toInstant();
        List<Booking> bookings = lookups.bookingsOfGroup(request.groupId(), windowStart, windowEnd);
        Set<SlotKey> booked = new java.util.HashSet<>();
        Map<MemberId, List<SlotInterval>> existing = new HashMap<>();
        Map<MemberId, int[]> initialLoad = new HashMap<>();
        for (Booking booking : bookings) {
            booked.add(booking.slot());
            existing.computeIfAbsent(booking.memberId(), m -> new ArrayList<>()).add(booking.interval());
            if (!booking.slot().date().isBefore(request.from()) && !booking.slot().date().isAfter(request.to())) {
                int[] load = initialLoad.computeIfAbsent(booking.memberId(), m -> new int[2]);
                load[0]++;
                if (RotationPlan.isSpecial(booking.slot().date(), holidays)) {
                    load[1]++;
                }
            }
        }
        List<TimeOff> timeOff = lookups.timeOffOfGroup(request.groupId(), request.from(), request.to());

        Instant now = clock.instant();
        List<RotationPlan.Candidate> candidates = new ArrayList<>();
        for (LocalDate date = request.from(); !date.isAfter(request.to()); date = date.plusDays(1)) {
            for (int index = 0; index < shiftTypes.size(); index++) {
                ShiftTypeFacts type = shiftTypes.get(index);
                SlotKey slot = new SlotKey(type.shiftTypeId(), date);
                if (!type.occursOn(date) || booked.contains(slot)) {
                    continue;
                }
                SlotInterval interval = type.timing().intervalOn(date, zone);
                if (interval.startInstant().isAfter(now)) {
                    candidates.add(new RotationPlan.Candidate(slot, index, interval, RotationPlan.isSpecial(date, holidays)));
                }
            }
        }
        if (candidates.size() > MAX_SLOTS) {
            throw new RotaException(ErrorCode.ROTATION_TOO_LARGE, "to", "A rotation fills at most " + MAX_SLOTS
                    + " slots per request; this range has " + candidates.size() + " open slots. Split the range.");
        }
        candidates.sort(Comparator.comparing((RotationPlan.Candidate c) -> c.interval().startInstant())
                .thenComparingInt(RotationPlan.Candidate::shiftIndex));

        RotationPlan.Plan plan = RotationPlan.plan(team, request.from(), candidates, existing,
                (member, date) -> timeOff.stream().anyMatch(t -> t.memberId().equals(member) && t.covers(date)),
                initialLoad);
        return apply(request.groupId(), team, plan, holidays);
    }

    private Result apply(GroupId groupId, List<MemberId> team, RotationPlan.Plan plan, Set<LocalDate> holidays) {
        List<LeftOpen> leftOpen = new ArrayList<>();
        plan.unfillable().forEach(slot -> leftOpen.add(new LeftOpen(slot, "NO_ELIGIBLE_MEMBER")));
        Map<MemberId, int[]> load = plan.load();
        int assigned = 0;
        for (RotationPlan.Planned planned : plan.assignments()) {
            try {
                commands.sendAndWait(new AssignSlotCommand(planned.slot(), groupId, planned.memberId(), REASON, null, true));
                assigned++;
            } catch (RotaException refused) {
                leftOpen.add(new LeftOpen(planned.slot(), refused.code().name()));
                load.get(planned.memberId())[0]--;
                if (RotationPlan.isSpecial(planned.slot().date(), holidays)) {
                    load.get(planned.memberId())[1]--;
                }
            }
        }
        List<MemberLoad> loads = team.stream()
                .map(m -> new MemberLoad(m, load.get(m)[0], load.get(m)[1]))
                .toList();
        return new Result(assigned, leftOpen, loads, spread(loads, MemberLoad::slots),
                spread(loads, MemberLoad::weekendAndHolidaySlots));
    }

    private static int spread(List<MemberLoad> loads, java.util.function.ToIntFunction<MemberLoad> measure) {
        return loads.stream().mapToInt(measure).max().orElse(0) - loads.stream().mapToInt(measure).min().orElse(0);
    }

    private List<MemberId> team(Request request) {
        List<MemberId> active = lookups.rotatableMembers(request.groupId());
        if (request.memberIds() == null || request.memberIds().isEmpty()) {
            if (active.isEmpty()) {
                throw new RotaException(ErrorCode.NO_ACTIVE_MEMBERS, "The group has no active members to rotate.");
            }
            return active;
        }
        List<MemberId> chosen = new ArrayList<>(new LinkedHashSet<>(request.memberIds()));
        for (MemberId member : chosen) {
            var facts = lookups.member(member).filter(m -> m.groupId().equals(request.groupId()));
            if (facts.isEmpty()) {
                throw new RotaException(ErrorCode.MEMBER_NOT_FOUND, "memberIds", "No member " + member + " in this group.");
            }
            if (!active.contains(member)) {
                throw new RotaException(ErrorCode.MEMBER_INACTIVE, "memberIds",
                        "Member " + member + " is deactivated or an auditor and cannot be rotated.");
            }
        }
        return chosen;
    }

    private List<ShiftTypeFacts> shiftTypes(Request request) {
        List<ShiftTypeFacts> active = lookups.activeShiftTypes(request.groupId());
        if (request.shiftTypeIds() == null || request.shiftTypeIds().isEmpty()) {
            return active;
        }
        List<ShiftTypeFacts> chosen = new ArrayList<>();
        for (ShiftTypeId id : new LinkedHashSet<>(request.shiftTypeIds())) {
            ShiftTypeFacts type = active.stream().filter(t -> t.shiftTypeId().equals(id)).findFirst()
                    .orElseThrow(() -> new RotaException(ErrorCode.SHIFT_TYPE_NOT_FOUND, "shiftTypeIds",
                            "No active shift type " + id + " in this group."));
            chosen.add(type);
        }
        return chosen;
    }

}
