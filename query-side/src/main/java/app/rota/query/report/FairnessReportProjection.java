package app.rota.query.report;

import app.rota.kernel.common.DateRange;
import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.report.FairnessReport;
import app.rota.kernel.report.FindFairnessReportQuery;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.swap.SwapCompletedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;

/**
 * Keeps what the fairness report adds up, in tables of its own (it never reads another projection's): the groups'
 * zones and current holidays, the shift types' timing, the members, each slot's current assignee, and the slots
 * that completed swaps and covered coverage requests moved, with who gave and who took. Every write sets a state
 * or inserts a row keyed by what happened, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(FairnessReportProjection.PROCESSING_GROUP)
class FairnessReportProjection {

    static final String PROCESSING_GROUP = "reports";
    static final int MAX_READ_DAYS = 366;

    private final ReportStore store;

    FairnessReportProjection(ReportStore store) {
        this.store = store;
    }

    @EventHandler
    void on(GroupCreatedEvent e) {
        store.groupCreated(e.groupId(), e.timeZone(), e.settings() == null ? List.of() : e.settings().holidays());
    }

    @EventHandler
    void on(GroupSettingsChangedEvent e) {
        store.holidaysListed(e.groupId(), e.after().holidays());
    }

    @EventHandler
    void on(ShiftTypeDefinedEvent e) {
        store.shiftTypeDefined(e.shiftTypeId(), e.groupId(), e.startTime(), e.durationHours());
    }

    @EventHandler
    void on(MemberAddedEvent e) {
        store.memberAdded(e.memberId(), e.groupId(), e.name(), e.role());
    }

    @EventHandler
    void on(MemberChangedEvent e) {
        store.memberChanged(e.memberId(), e.name(), e.role());
    }

    @EventHandler
    void on(MemberDeactivatedEvent e) {
        store.memberDeactivated(e.memberId());
    }

    @EventHandler
    void on(SlotAssignedEvent e) {
        store.slotAssigned(e.slot(), e.groupId(), e.memberId());
    }

    @EventHandler
    void on(SlotUnassignedEvent e) {
        store.slotUnassigned(e.slot());
    }

    /** The proposer handed {@code fromSlot} to the counterpart and, in a trade, took {@code toSlot} from them. */
    @EventHandler
    void on(SwapCompletedEvent e) {
        store.swapMovedSlot(e.swapId(), e.groupId(), e.fromSlot(), e.proposerId(), e.counterpartId());
        if (e.toSlot() != null) {
            store.swapMovedSlot(e.swapId(), e.groupId(), e.toSlot(), e.counterpartId(), e.proposerId());
        }
    }

    @EventHandler
    void on(CoverageCoveredEvent e) {
        store.coverageCovered(e.requestId(), e.groupId(), e.slot(), e.requesterId(), e.claimantId());
    }

    @ResetHandler
    void reset() {
        store.reset();
    }

    @QueryHandler
    FairnessReport handle(FindFairnessReportQuery query) {
        ZoneId zone = store.zoneOf(query.groupId())
                .orElseThrow(() -> new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group with id " + query.groupId() + "."));
        DateRange.checked(query.from(), query.to(), MAX_READ_DAYS, "A report");
        GroupId group = query.groupId();
        return FairnessAssembler.report(query.from(), query.to(), zone, store.holidays(group), store.shiftTimings(group),
                store.members(group), store.slots(group, query.from(), query.to()),
                store.swaps(group, query.from(), query.to()), store.coverage(group, query.from(), query.to()));
    }
}
