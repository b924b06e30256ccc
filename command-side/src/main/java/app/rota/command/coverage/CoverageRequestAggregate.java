package app.rota.command.coverage;

import app.rota.command.group.GroupDirectory;
import app.rota.command.slot.SlotHandOvers;
import app.rota.command.slot.SlotHandOvers.HandOver;
import app.rota.kernel.common.Actor;
import app.rota.kernel.common.Text;
import app.rota.kernel.coverage.ApproveCoverageCommand;
import app.rota.kernel.coverage.CancelCoverageCommand;
import app.rota.kernel.coverage.ClaimCoverageCommand;
import app.rota.kernel.coverage.CoverageApprovedEvent;
import app.rota.kernel.coverage.CoverageCancelledEvent;
import app.rota.kernel.coverage.CoverageClaimedEvent;
import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.coverage.CoverageEndedEvent;
import app.rota.kernel.coverage.CoverageEscalatedEvent;
import app.rota.kernel.coverage.CoverageRejectedEvent;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.CoverageState;
import app.rota.kernel.coverage.CoverageStatus;
import app.rota.kernel.coverage.CoverageUnfilledEvent;
import app.rota.kernel.coverage.EscalateCoverageCommand;
import app.rota.kernel.coverage.MarkCoverageUnfilledCommand;
import app.rota.kernel.coverage.RejectCoverageCommand;
import app.rota.kernel.coverage.RequestCoverageCommand;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A request to cover one slot (or an admin's open shift). The requester stays assigned until someone
 * takes it: a claim (with the group's approval, if required) moves the slot to the claimant in the
 * same transaction as {@code CoverageCoveredEvent}, or is refused and changes nothing. Claims on one
 * request are serialised by the aggregate: the first valid claim wins, the others meet a request that
 * is no longer open (409).
 */
@Aggregate
class CoverageRequestAggregate {

    /** Recorded on the slot's event, as the swap does, so processes know the request's own change. */
    static final String CAUSED_BY_COVERAGE = CoverageRequestId.METADATA_KEY;

    @AggregateIdentifier
    private CoverageRequestId requestId;
    private GroupId groupId;
    private SlotKey slot;
    private MemberId requester;
    private MemberId claimant;
    private CoverageStatus status;
    private Instant escalatesAt;
    private boolean escalated;
    private long version;

    CoverageRequestAggregate() {
    }

    @CommandHandler
    CoverageRequestAggregate(RequestCoverageCommand command, Actor actor, CoverageRules rules) {
        CoverageRequestedEvent requested = rules.requested(command, actor);
        apply(requested, requested.requesterId() == null ? MetaData.emptyInstance()
                : MetaData.from(actor.actingFor(requested.requesterId())));
    }

    @CommandHandler
    CoverageState handle(ClaimCoverageCommand command, Actor actor, CoverageRules rules, GroupDirectory groups,
                         SlotHandOvers handOvers) {
        requireGroup(command.groupId());
        MemberId taker = command.memberId() != null ? command.memberId() : actor.memberId();
        if (taker == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "memberId", "Name the member who takes the slot.");
        }
        actor.requireMayActFor(taker);
        if (status != CoverageStatus.OPEN) {
            throw stateConflict("claimed");
        }
        rules.whyNotClaim(groupId, slot, requester, taker).ifPresent(refusal -> {
            throw refusal;
        });
        boolean approvalRequired = groups.coverageApprovalRequired(groupId);
        MetaData actingFor = MetaData.from(actor.actingFor(taker));
        apply(new CoverageClaimedEvent(requestId, groupId, slot, requester, taker, approvalRequired), actingFor);
        if (!approvalRequired) {
            cover(handOvers, actingFor);
        }
        return state();
    }

    @CommandHandler
    CoverageState handle(ApproveCoverageCommand command, Actor actor, SlotHandOvers handOvers) {
        requireGroup(command.groupId());
        requireAdmin(actor);
        if (status != CoverageStatus.CLAIMED) {
            throw stateConflict("approved");
        }
        apply(new CoverageApprovedEvent(requestId, groupId, slot, requester, claimant, Text.reason(command.reason(), "reason")));
        cover(handOvers, MetaData.emptyInstance());
        return state();
    }

    /** Back to OPEN; if its escalation time passed while the claim waited, it is escalated now. */
    @CommandHandler
    CoverageState handle(RejectCoverageCommand command, Actor actor, Clock clock) {
        requireGroup(command.groupId());
        requireAdmin(actor);
        if (status != CoverageStatus.CLAIMED) {
            throw stateConflict("rejected");
        }
        apply(new CoverageRejectedEvent(requestId, groupId, slot, requester, claimant, Text.reason(command.reason(), "reason")));
        if (!escalated && !clock.instant().isBefore(escalatesAt)) {
            apply(new CoverageEscalatedEvent(requestId, groupId, slot, requester));
        }
        return state();
    }

    @CommandHandler
    CoverageState handle(CancelCoverageCommand command, Actor actor) {
        requireGroup(command.groupId());
        if (requester == null) {
            requireAdmin(actor);
        } else {
            actor.requireMayActFor(requester);
        }
        if (!status.isPending()) {
            throw stateConflict("cancelled");
        }
        apply(new CoverageCancelledEvent(requestId, groupId, slot, requester, Text.reason(command.reason(), "reason")),
                requester == null ? MetaData.emptyInstance() : MetaData.from(actor.actingFor(requester)));
        return state();
    }

    /** From the request's deadline at {@code escalatesAt}; once, and only while it is still open. */
    @CommandHandler
    CoverageState handle(EscalateCoverageCommand command) {
        requireGroup(command.groupId());
        if (status == CoverageStatus.OPEN && !escalated) {
            apply(new CoverageEscalatedEvent(requestId, groupId, slot, requester));
        }
        return state();
    }

    /** From the request's deadline at the shift's start: a request still pending is UNFILLED (escalated first, if not yet). */
    @CommandHandler
    CoverageState handle(MarkCoverageUnfilledCommand command) {
        requireGroup(command.groupId());
        if (status.isPending()) {
            if (!escalated) {
                apply(new CoverageEscalatedEvent(requestId, groupId, slot, requester));
            }
            apply(new CoverageUnfilledEvent(requestId, groupId, slot, requester));
        }
        return state();
    }

    /** Moves the slot to the claimant, in this transaction, or refuses and nothing of the claim is stored. */
    private void cover(SlotHandOvers handOvers, MetaData actingFor) {
        handOvers.handOver(groupId, List.of(new HandOver(slot, requester, claimant)), "coverage " + requestId,
                MetaData.with(CAUSED_BY_COVERAGE, requestId.toString()));
        apply(new CoverageCoveredEvent(requestId, groupId, slot, requester, claimant), actingFor);
    }

    private void requireGroup(GroupId requested) {
        if (!groupId.equals(requested)) {
            throw new RotaException(ErrorCode.COVERAGE_REQUEST_NOT_FOUND, "No coverage request " + requestId + " in this group.");
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.actsAsAdmin()) {
            throw new RotaException(ErrorCode.ACCESS_DENIED, "Only an admin may do this.");
        }
    }

    private RotaException stateConflict(String what) {
        return new RotaException(ErrorCode.COVERAGE_STATE_CONFLICT, null,
                "A coverage request that is " + status + " cannot be " + what + ".", state());
    }

    private CoverageState state() {
        return new CoverageState(requestId, status, version);
    }

    @EventSourcingHandler
    void on(CoverageRequestedEvent event, @SequenceNumber long sequence) {
        requestId = event.requestId();
        groupId = event.groupId();
        slot = event.slot();
        requester = event.requesterId();
        escalatesAt = event.escalatesAt();
        status = CoverageStatus.OPEN;
        version = sequence + 1;
    }

    @EventSourcingHandler
    void on(CoverageClaimedEvent event, @SequenceNumber long sequence) {
        claimant = event.claimantId();
        status = CoverageStatus.CLAIMED;
        version = sequence + 1;
    }

    @EventSourcingHandler
    void on(CoverageApprovedEvent event, @SequenceNumber long sequence) {
        version = sequence + 1;
    }

    @EventSourcingHandler
    void on(CoverageRejectedEvent event, @SequenceNumber long sequence) {
        claimant = null;
        status = CoverageStatus.OPEN;
        version = sequence + 1;
    }

    @EventSourcingHandler
    void on(CoverageEscalatedEvent event, @SequenceNumber long sequence) {
        escalated = true;
        version = sequence + 1;
    }

    @EventSourcingHandler
    void on(CoverageEndedEvent event, @SequenceNumber long sequence) {
        status = event.outcome();
        version = sequence + 1;
    }
}
