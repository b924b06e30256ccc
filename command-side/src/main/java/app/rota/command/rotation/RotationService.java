package app.rota.command.rotation;

import app.rota.command.eligibility.EligibilityPolicy;
import app.rota.command.errors.Refusals;
import app.rota.command.group.GroupDirectory;
import app.rota.command.member.MemberDirectory;
import app.rota.command.member.MemberDirectory.MemberFacts;
import app.rota.command.member.TimeOffRegister;
import app.rota.command.shifttype.ShiftTypeCatalogue;
import app.rota.command.shifttype.ShiftTypeCatalogue.ShiftTypeFacts;
import app.rota.command.slot.Bookings;
import app.rota.command.slot.Bookings.Booking;
import app.rota.kernel.common.DateRange;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.rotation.PublishRotationCommand;
import app.rota.kernel.rotation.RotationId;
import app.rota.kernel.rotation.RotationShare;
import app.rota.kernel.schedule.AssignSlotCommand;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotCategories;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Generates a rotation: plans with {@link RotationPlan}, then assigns slot by slot, each its own
 * command with {@code onlyIfOpen}, so a slot edited meanwhile is left as the editor made it and
 * reported, never overwritten. Past slots and assigned slots are never touched.
 *
 * <p>A slot refused meanwhile (a rule, or a concurrent edit of the same slot) is reported with its code
 * and the rotation goes on. An unexpected failure (the database, a bug) stops it: the slots assigned
 * before stay assigned, and {@code ROTATION_INTERRUPTED} (with the failure as its cause) reports
 * exactly which were assigned, which failed and which were not attempted. Running the rotation again
 * fills only what is still open.
 *
 * <p>Each run has a {@link RotationId}: every assignment it sends carries it in its metadata
 * ({@link RotationId#METADATA_KEY}), and so do the slots' events. Once the assignments are made, the run
 * publishes its summary ({@link PublishRotationCommand}: each member's slots, how many were left open), so
 * that members hear about their share once. An interrupted run publishes what it did assign, before it
 * reports the interruption; a run that assigned nothing publishes nothing.
 */
@Component
class RotationService {

    private static final Logger log = LoggerFactory.getLogger(RotationService.class);

    static final int MAX_DAYS = 366;
    /**
     * The most slots one request may fill: each is a command and an event, so a request's work is bounded
     * (a year of three daily shift types fits; a larger plan is split into several requests).
     */
    static final int MAX_SLOTS = 1_200;
    static final String REASON = "rotation";

    /** Why a planned slot is still open. */
    static final String NO_ELIGIBLE_MEMBER = "NO_ELIGIBLE_MEMBER";
    static final String FAILED = "FAILED";
    static final String NOT_ATTEMPTED = "NOT_ATTEMPTED";

    record Request(GroupId groupId, LocalDate from, LocalDate to, List<MemberId> memberIds, List<ShiftTypeId> shiftTypeIds) {
    }

    /** A slot the rotation left open, and why: an error code, or one of the reasons above. */
    record LeftOpen(SlotKey slot, String reason) {
    }

    record MemberLoad(MemberId memberId, int slots, int weekendAndHolidaySlots) {
    }

    /** What the run did; {@code rotationId} names the run (its summary, when it assigned anything, has that id). */
    record Result(RotationId rotationId, int assigned, List<LeftOpen> leftOpen, List<MemberLoad> load, int slotSpread,
                  int weekendAndHolidaySpread) {
    }

    private final GroupDirectory groups;
    private final MemberDirectory members;
    private final ShiftTypeCatalogue shiftTypes;
    private final Bookings bookings;
    private final TimeOffRegister timeOff;
    private final CommandGateway commands;
    private final Clock clock;
    private final IdGenerator ids;

    RotationService(GroupDirectory groups, MemberDirectory members, ShiftTypeCatalogue shiftTypes, Bookings bookings,
                    TimeOffRegister timeOff, CommandGateway commands, Clock clock, IdGenerator ids) {
        this.groups = groups;
        this.members = members;
        this.shiftTypes = shiftTypes;
        this.bookings = bookings;
        this.timeOff = timeOff;
        this.commands = commands;
        this.clock = clock;
        this.ids = ids;
    }

    Result generate(Request request) {
        RotationId rotationId = new RotationId(ids.generateId());
        ZoneId zone = groups.zoneOf(request.groupId());
        DateRange.checked(request.from(), request.to(), MAX_DAYS, "A rotation");
        Set<LocalDate> holidays = groups.holidaysOf(request.groupId());

        List<Booking> booked = bookings.bookingsAround(request.groupId(), zone, request.from(), request.to());
        EligibilityPolicy eligibility = new EligibilityPolicy(members.membersOf(request.groupId()), booked,
                timeOff.timeOffOfGroup(request.groupId(), request.from(), request.to()));
        List<MemberId> team = team(request, eligibility);
        List<ShiftTypeFacts> rotated = shiftTypes(request);

        Set<SlotKey> bookedSlots = new HashSet<>();
        Map<MemberId, int[]> initialLoad = new HashMap<>();
        for (Booking booking : booked) {
            bookedSlots.add(booking.slot());
            if (!booking.slot().date().isBefore(request.from()) && !booking.slot().date().isAfter(request.to())) {
                int[] load = initialLoad.computeIfAbsent(booking.memberId(), m -> new int[2]);
                load[0]++;
                if (SlotCategories.isWeekendOrHoliday(booking.slot().date(), holidays)) {
                    load[1]++;
                }
            }
        }

        Instant now = clock.instant();
        List<RotationPlan.Candidate> candidates = new ArrayList<>();
        for (LocalDate date = request.from(); !date.isAfter(request.to()); date = date.plusDays(1)) {
            for (int index = 0; index < rotated.size(); index++) {
                ShiftTypeFacts type = rotated.get(index);
                SlotKey slot = new SlotKey(type.shiftTypeId(), date);
                Optional<SlotInterval> interval = type.pattern().slotOn(date, zone);
                if (interval.isPresent() && !bookedSlots.contains(slot) && interval.get().startInstant().isAfter(now)) {
                    candidates.add(new RotationPlan.Candidate(slot, index, interval.get(),
                            SlotCategories.isWeekendOrHoliday(date, holidays)));
                }
            }
        }
        if (candidates.size() > MAX_SLOTS) {
            throw new RotaException(ErrorCode.ROTATION_TOO_LARGE, "to", "A rotation fills at most " + MAX_SLOTS
                    + " slots per request; this range has " + candidates.size() + " open slots. Split the range.");
        }
        candidates.sort(Comparator.comparing((RotationPlan.Candidate c) -> c.interval().startInstant())
                .thenComparingInt(RotationPlan.Candidate::shiftIndex));

        RotationPlan.Plan plan = RotationPlan.plan(team, request.from(), candidates, eligibility, initialLoad);
        return apply(rotationId, request, team, plan, holidays);
    }

    private Result apply(RotationId rotationId, Request request, List<MemberId> team, RotationPlan.Plan plan,
                         Set<LocalDate> holidays) {
        GroupId groupId = request.groupId();
        MetaData ofThisRun = MetaData.with(RotationId.METADATA_KEY, rotationId.toString());
        List<LeftOpen> leftOpen = new ArrayList<>();
        plan.unfillable().forEach(slot -> leftOpen.add(new LeftOpen(slot, NO_ELIGIBLE_MEMBER)));
        Map<MemberId, int[]> load = plan.load();
        int assigned = 0;
        Map<MemberId, List<SlotKey>> given = new LinkedHashMap<>();
        team.forEach(member -> given.put(member, new ArrayList<>()));
        RuntimeException interruption = null;
        for (RotationPlan.Planned planned : plan.assignments()) {
            String notAssigned;
            if (interruption != null) {
                notAssigned = NOT_ATTEMPTED;
            } else {
                try {
                    commands.sendAndWait(new AssignSlotCommand(planned.slot(), groupId, planned.memberId(), REASON, null, true),
                            ofThisRun);
                    assigned++;
                    given.get(planned.memberId()).add(planned.slot());
                    continue;
                } catch (RuntimeException failure) {
                    Optional<RotaException> refusal = Refusals.of(failure);
                    if (refusal.isPresent()) {
                        notAssigned = refusal.get().code().name();
                    } else if (Refusals.isConcurrentEdit(failure)) {
                        notAssigned = ErrorCode.CONCURRENT_MODIFICATION.name();
                    } else {
                        log.error("Rotation of group {} interrupted at slot {}", groupId, planned.slot(), failure);
                        interruption = failure;
                        notAssigned = FAILED;
                    }
                }
            }
            leftOpen.add(new LeftOpen(planned.slot(), notAssigned));
            load.get(planned.memberId())[0]--;
            if (SlotCategories.isWeekendOrHoliday(planned.slot().date(), holidays)) {
                load.get(planned.memberId())[1]--;
            }
        }
        List<MemberLoad> loads = team.stream()
                .map(m -> new MemberLoad(m, load.get(m)[0], load.get(m)[1]))
                .toList();
        Result result = new Result(rotationId, assigned, leftOpen, loads, spread(loads, MemberLoad::slots),
                spread(loads, MemberLoad::weekendAndHolidaySlots));
        PublishRotationCommand summary = assigned == 0 ? null : new PublishRotationCommand(rotationId, groupId,
                request.from(), request.to(), shares(given), leftOpen.size());
        if (interruption != null) {
            RotaException interrupted = new RotaException(ErrorCode.ROTATION_INTERRUPTED, null, "The rotation stopped after "
                    + "assigning " + assigned + " of " + plan.assignments().size() + " planned slots; those stay assigned. "
                    + "'current' lists every slot left open and why (FAILED, NOT_ATTEMPTED); run the rotation again to fill them.",
                    result);
            interrupted.initCause(interruption);
            if (summary != null) {
                publishDespite(interrupted, summary);
            }
            throw interrupted;
        }
        if (summary != null) {
            publish(summary);
        }
        return result;
    }

    /** Each member who got at least one slot, in rotation order, with their slots in start order. */
    private static List<RotationShare> shares(Map<MemberId, List<SlotKey>> given) {
        return given.entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> new RotationShare(entry.getKey(), entry.getValue()))
                .toList();
    }

    /**
     * A failure to publish the summary of a complete run is the caller's answer: its slots stay assigned
     * (the log says how many), but nobody would hear of them.
     */
    private void publish(PublishRotationCommand summary) {
        try {
            commands.sendAndWait(summary);
        } catch (RuntimeException failure) {
            log.error("Rotation {} of group {} assigned {} slots, but its summary could not be published",
                    summary.rotationId(), summary.groupId(), assignedIn(summary), failure);
            throw failure;
        }
    }

    /**
     * An interrupted run still publishes what it assigned, as far as it can: the failure that interrupted
     * it (the database, often) may well stop this too, and then the interruption is what the caller hears,
     * with this failure attached to it.
     */
    private void publishDespite(RotaException interrupted, PublishRotationCommand summary) {
        try {
            commands.sendAndWait(summary);
        } catch (RuntimeException failure) {
            log.error("The summary of interrupted rotation {} of group {} ({} slots assigned) could not be published",
                    summary.rotationId(), summary.groupId(), assignedIn(summary), failure);
            interrupted.addSuppressed(failure);
        }
    }

    private static int assignedIn(PublishRotationCommand summary) {
        return summary.shares().stream().mapToInt(share -> share.slots().size()).sum();
    }

    private static int spread(List<MemberLoad> loads, ToIntFunction<MemberLoad> measure) {
        return loads.stream().mapToInt(measure).max().orElse(0) - loads.stream().mapToInt(measure).min().orElse(0);
    }

    /** The members to rotate: the ones asked for (each must take call), or everyone who takes call. */
    private List<MemberId> team(Request request, EligibilityPolicy eligibility) {
        if (request.memberIds() == null || request.memberIds().isEmpty()) {
            List<MemberId> everyone = eligibility.takingCall();
            if (everyone.isEmpty()) {
                throw new RotaException(ErrorCode.NO_ACTIVE_MEMBERS, "The group has no active members to rotate.");
            }
            return everyone;
        }
        List<MemberId> chosen = new ArrayList<>(new LinkedHashSet<>(request.memberIds()));
        for (MemberId member : chosen) {
            MemberFacts facts = members.memberOf(request.groupId(), member, "memberIds");
            if (!facts.takesCall()) {
                throw new RotaException(ErrorCode.MEMBER_INACTIVE, "memberIds",
                        "Member " + member + " is deactivated or an auditor and cannot be rotated.");
            }
        }
        return chosen;
    }

    private List<ShiftTypeFacts> shiftTypes(Request request) {
        List<ShiftTypeFacts> active = shiftTypes.activeShiftTypes(request.groupId());
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
