package app.rota.query.calendar;

import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.member.MemberOptedInToSmsEvent;
import app.rota.kernel.member.MemberOptedOutOfSmsEvent;
import app.rota.kernel.schedule.ShiftTypeChangedEvent;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.ShiftTypeRetiredEvent;
import app.rota.kernel.coverage.CoverageCancelledEvent;
import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.CoverageUnfilledEvent;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.schedule.SlotVersion;
import app.rota.kernel.common.DateRange;
import app.rota.kernel.common.SaneDates;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.CalendarResponse;
import app.rota.kernel.schedule.CalendarSlot;
import app.rota.kernel.schedule.FindCalendarQuery;
import app.rota.kernel.schedule.FindMemberScheduleQuery;
import app.rota.kernel.schedule.FindOnCallQuery;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.MemberScheduleResponse;
import app.rota.kernel.schedule.OnCallResponse;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.swap.SwapCancelledEvent;
import app.rota.kernel.swap.SwapCompletedEvent;
import app.rota.kernel.swap.SwapDeclinedEvent;
import app.rota.kernel.swap.SwapExpiredEvent;
import app.rota.kernel.swap.SwapFailedEvent;
import app.rota.kernel.swap.SwapProposedEvent;
import app.rota.kernel.swap.SwapRejectedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keeps groups' zones, shift types, members (and whether SMS reaches them), slot assignments and the pending swap
 * and coverage request each slot is in for the calendar, on-call and schedule queries, all in tables of its own: it
 * never reads another projection's tables. Statuses that depend on the time ({@code OPEN} or {@code GAP}) are computed when read, with the
 * injected clock.
 */
@Component
@ProcessingGroup(CalendarProjection.PROCESSING_GROUP)
class CalendarProjection {

    static final String PROCESSING_GROUP = "calendar";
    static final int MAX_READ_DAYS = 366;

    private final CalendarStore store;
    private final Clock clock;

    CalendarProjection(CalendarStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventHandler
    void on(GroupCreatedEvent e) {
        store.groupCreated(e.groupId(), e.timeZone());
    }

    @EventHandler
    void on(ShiftTypeDefinedEvent e, TrackingToken token, @Timestamp Instant at) {
        store.shiftTypeDefined(e.shiftTypeId(), e.groupId(), e.name(), e.startTime(), e.durationHours(), e.daysOfWeek(),
                Recorded.of(token, at));
    }

    @EventHandler
    void on(ShiftTypeChangedEvent e, TrackingToken token, @Timestamp Instant at) {
        store.shiftTypeChanged(e.shiftTypeId(), e.name(), e.daysOfWeek(), Recorded.of(token, at));
    }

    @EventHandler
    void on(ShiftTypeRetiredEvent e, TrackingToken token, @Timestamp Instant at) {
        store.shiftTypeRetired(e.shiftTypeId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(MemberAddedEvent e, TrackingToken token, @Timestamp Instant at) {
        store.memberAdded(e.memberId(), e.groupId(), e.name(), e.phone(), e.role().name(), Recorded.of(token, at));
    }

    @EventHandler
    void on(MemberChangedEvent e, TrackingToken token, @Timestamp Instant at) {
        store.memberChanged(e.memberId(), e.name(), e.phone(), e.role().name(), Recorded.of(token, at));
    }

    @EventHandler
    void on(MemberDeactivatedEvent e, TrackingToken token, @Timestamp Instant at) {
        store.memberDeactivated(e.memberId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(MemberOptedOutOfSmsEvent e, TrackingToken token, @Timestamp Instant at) {
        store.memberOptedOutOfSms(e.memberId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(MemberOptedInToSmsEvent e, TrackingToken token, @Timestamp Instant at) {
        store.memberOptedInToSms(e.memberId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(SlotAssignedEvent e, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        store.slotAssigned(e.slot(), e.groupId(), e.memberId(), e.start(), e.end(), SlotVersion.afterEvent(sequence),
                Recorded.of(token, at));
    }

    @EventHandler
    void on(SlotUnassignedEvent e, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        store.slotUnassigned(e.slot(), SlotVersion.afterEvent(sequence), Recorded.of(token, at));
    }

    @EventHandler
    void on(SwapProposedEvent e, TrackingToken token, @Timestamp Instant at) {
        store.swapProposed(e.swapId(), e.fromSlot(), e.toSlot(), Recorded.of(token, at));
    }

    @EventHandler
    void on(SwapCompletedEvent e, TrackingToken token, @Timestamp Instant at) {
        store.swapEnded(e.swapId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(SwapDeclinedEvent e, TrackingToken token, @Timestamp Instant at) {
        store.swapEnded(e.swapId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(SwapCancelledEvent e, TrackingToken token, @Timestamp Instant at) {
        store.swapEnded(e.swapId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(SwapRejectedEvent e, TrackingToken token, @Timestamp Instant at) {
        store.swapEnded(e.swapId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(SwapExpiredEvent e, TrackingToken token, @Timestamp Instant at) {
        store.swapEnded(e.swapId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(SwapFailedEvent e, TrackingToken token, @Timestamp Instant at) {
        store.swapEnded(e.swapId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(CoverageRequestedEvent e, TrackingToken token, @Timestamp Instant at) {
        store.coverageRequested(e.requestId(), e.groupId(), e.slot(), e.start(), e.end(), Recorded.of(token, at));
    }

    @EventHandler
    void on(CoverageCoveredEvent e, TrackingToken token, @Timestamp Instant at) {
        store.coverageEnded(e.requestId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(CoverageCancelledEvent e, TrackingToken token, @Timestamp Instant at) {
        store.coverageEnded(e.requestId(), Recorded.of(token, at));
    }

    @EventHandler
    void on(CoverageUnfilledEvent e, TrackingToken token, @Timestamp Instant at) {
        store.coverageEnded(e.requestId(), Recorded.of(token, at));
    }

    @ResetHandler
    void reset() {
        store.reset();
    }

    /**
     * The calendar as recorded now, or with {@code asOf} as it was recorded at that instant: shift types, members and
     * slots as their latest change at or before it left them, and statuses as then known (a slot's shift had started
     * if it had by {@code asOf}).
     */
    @QueryHandler
    CalendarResponse handle(FindCalendarQuery query) {
        ZoneId zone = zoneOf(query.groupId());
        DateRange.checked(query.from(), query.to(), MAX_READ_DAYS, "A range");
        Instant asOf = checkedAsOf(query.asOf());
        return new CalendarResponse(query.groupId(), zone.getId(), asOf == null ? null : asOf.atZone(zone).toOffsetDateTime(),
                slots(query.groupId(), zone, query.from(), query.to(), asOf));
    }

    /** The slots whose interval contains the instant; a shift lasts at most a week, so a week back suffices. */
    @QueryHandler
    OnCallResponse handle(FindOnCallQuery query) {
        ZoneId zone = zoneOf(query.groupId());
        if (!SaneDates.isSane(query.at())) {
            throw SaneDates.outOfRange("at");
        }
        Instant asOf = checkedAsOf(query.asOf());
        LocalDate day = query.at().atZone(zone).toLocalDate();
        LocalDate from = day.minusDays(ShiftTiming.MAX_DURATION_HOURS / 24);
        List<CalendarSlot> onCall = slots(query.groupId(), zone, from, day, asOf).stream()
                .filter(slot -> !slot.start().toInstant().isAfter(query.at()) && slot.end().toInstant().isAfter(query.at()))
                .toList();
        return new OnCallResponse(query.at().atZone(zone).toOffsetDateTime(),
                asOf == null ? null : asOf.atZone(zone).toOffsetDateTime(), onCall);
    }

    private List<CalendarSlot> slots(GroupId groupId, ZoneId zone, LocalDate from, LocalDate to, Instant asOf) {
        if (asOf == null) {
            return CalendarAssembler.slots(zone, from, to, store.shiftTypes(groupId), store.members(groupId),
                    store.slots(groupId, from, to), clock.instant());
        }
        return CalendarAssembler.slots(zone, from, to, store.shiftTypesAsOf(groupId, asOf), store.membersAsOf(groupId, asOf),
                store.slotsAsOf(groupId, from, to, asOf), asOf);
    }

    /** An as-of instant must be sane and not in the future: the future has not been recorded. */
    private Instant checkedAsOf(Instant asOf) {
        if (asOf == null) {
            return null;
        }
        if (!SaneDates.isSane(asOf)) {
            throw SaneDates.outOfRange("asOf");
        }
        if (asOf.isAfter(clock.instant())) {
            throw new RotaException(ErrorCode.AS_OF_IN_FUTURE, "asOf", "asOf " + asOf + " is in the future; leave it out to read the calendar as recorded now.");
        }
        return asOf;
    }

    @QueryHandler
    MemberScheduleResponse handle(FindMemberScheduleQuery query) {
        ZoneId zone = zoneOf(query.groupId());
        DateRange.checked(query.from(), query.to(), MAX_READ_DAYS, "A range");
        Map<MemberId, CalendarStore.MemberRow> members = store.members(query.groupId());
        CalendarStore.MemberRow member = members.get(query.memberId());
        if (member == null) {
            throw new RotaException(ErrorCode.MEMBER_NOT_FOUND, "No member " + query.memberId() + " in this group.");
        }
        Map<ShiftTypeId, CalendarStore.ShiftTypeRow> shiftTypes = store.shiftTypes(query.groupId());
        Instant now = clock.instant();
        List<CalendarSlot> slots = store.slotsOf(query.memberId(), query.from(), query.to()).stream()
                .filter(row -> shiftTypes.containsKey(row.slot().shiftTypeId()))
                .map(row -> CalendarAssembler.slot(zone, shiftTypes.get(row.slot().shiftTypeId()), row, members, now))
                .sorted(Comparator.comparing(CalendarSlot::start))
                .toList();
        return new MemberScheduleResponse(query.memberId(), member.name(), slots);
    }

    private ZoneId zoneOf(GroupId groupId) {
        return store.zoneOf(groupId)
                .orElseThrow(() -> new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group with id " + groupId + "."));
    }
}
