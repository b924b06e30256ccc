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
    void on(ShiftTypeDefinedEvent e) {
        store.shiftTypeDefined(e.shiftTypeId(), e.groupId(), e.name(), e.startTime(), e.durationHours(), e.daysOfWeek());
    }

    @EventHandler
    void on(ShiftTypeChangedEvent e) {
        store.shiftTypeChanged(e.shiftTypeId(), e.name(), e.daysOfWeek());
    }

    @EventHandler
    void on(ShiftTypeRetiredEvent e) {
        store.shiftTypeRetired(e.shiftTypeId());
    }

    @EventHandler
    void on(MemberAddedEvent e) {
        store.memberAdded(e.memberId(), e.groupId(), e.name(), e.phone(), e.role().name());
    }

    @EventHandler
    void on(MemberChangedEvent e) {
        store.memberChanged(e.memberId(), e.name(), e.phone(), e.role().name());
    }

    @EventHandler
    void on(MemberDeactivatedEvent e) {
        store.memberDeactivated(e.memberId());
    }

    @EventHandler
    void on(MemberOptedOutOfSmsEvent e) {
        store.memberOptedOutOfSms(e.memberId());
    }

    @EventHandler
    void on(MemberOptedInToSmsEvent e) {
        store.memberOptedInToSms(e.memberId());
    }

    @EventHandler
    void on(SlotAssignedEvent e, @SequenceNumber long sequence) {
        store.slotAssigned(e.slot(), e.groupId(), e.memberId(), e.start(), e.end(), SlotVersion.afterEvent(sequence));
    }

    @EventHandler
    void on(SlotUnassignedEvent e, @SequenceNumber long sequence) {
        store.slotUnassigned(e.slot(), SlotVersion.afterEvent(sequence));
    }

    @EventHandler
    void on(SwapProposedEvent e) {
        store.swapProposed(e.swapId(), e.fromSlot(), e.toSlot());
    }

    @EventHandler
    void on(SwapCompletedEvent e) {
        store.swapEnded(e.swapId());
    }

    @EventHandler
    void on(SwapDeclinedEvent e) {
        store.swapEnded(e.swapId());
    }

    @EventHandler
    void on(SwapCancelledEvent e) {
        store.swapEnded(e.swapId());
    }

    @EventHandler
    void on(SwapRejectedEvent e) {
        store.swapEnded(e.swapId());
    }

    @EventHandler
    void on(SwapExpiredEvent e) {
        store.swapEnded(e.swapId());
    }

    @EventHandler
    void on(SwapFailedEvent e) {
        store.swapEnded(e.swapId());
    }

    @EventHandler
    void on(CoverageRequestedEvent e) {
        store.coverageRequested(e.requestId(), e.groupId(), e.slot(), e.start(), e.end());
    }

    @EventHandler
    void on(CoverageCoveredEvent e) {
        store.coverageEnded(e.requestId());
    }

    @EventHandler
    void on(CoverageCancelledEvent e) {
        store.coverageEnded(e.requestId());
    }

    @EventHandler
    void on(CoverageUnfilledEvent e) {
        store.coverageEnded(e.requestId());
    }

    @ResetHandler
    void reset() {
        store.reset();
    }

    @QueryHandler
    CalendarResponse handle(FindCalendarQuery query) {
        ZoneId zone = zoneOf(query.groupId());
        DateRange.checked(query.from(), query.to(), MAX_READ_DAYS, "A range");
        return new CalendarResponse(query.groupId(), zone.getId(), CalendarAssembler.slots(zone, query.from(), query.to(),
                store.shiftTypes(query.groupId()), store.members(query.groupId()),
                store.slots(query.groupId(), query.from(), query.to()), clock.instant()));
    }

    /** The slots whose interval contains the instant; a shift lasts at most a week, so a week back suffices. */
    @QueryHandler
    OnCallResponse handle(FindOnCallQuery query) {
        ZoneId zone = zoneOf(query.groupId());
        if (!SaneDates.isSane(query.at())) {
            throw SaneDates.outOfRange("at");
        }
        LocalDate day = query.at().atZone(zone).toLocalDate();
        LocalDate from = day.minusDays(ShiftTiming.MAX_DURATION_HOURS / 24);
        List<CalendarSlot> onCall = CalendarAssembler.slots(zone, from, day, store.shiftTypes(query.groupId()),
                        store.members(query.groupId()), store.slots(query.groupId(), from, day), clock.instant()).stream()
                .filter(slot -> !slot.start().toInstant().isAfter(query.at()) && slot.end().toInstant().isAfter(query.at()))
                .toList();
        return new OnCallResponse(query.at().atZone(zone).toOffsetDateTime(), onCall);
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
