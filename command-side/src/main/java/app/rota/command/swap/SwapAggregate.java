package app.rota.command.swap;

import app.rota.command.group.GroupDirectory;
import app.rota.command.slot.SlotHandOvers;
import app.rota.command.slot.SlotHandOvers.HandOver;
import app.rota.kernel.common.Actor;
import app.rota.kernel.common.Text;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.swap.AcceptSwapCommand;
import app.rota.kernel.swap.ApproveSwapCommand;
import app.rota.kernel.swap.CancelSwapCommand;
import app.rota.kernel.swap.DeclineSwapCommand;
import app.rota.kernel.swap.ExpireSwapCommand;
import app.rota.kernel.swap.FailSwapCommand;
import app.rota.kernel.swap.ProposeSwapCommand;
import app.rota.kernel.swap.RejectSwapCommand;
import app.rota.kernel.swap.SwapAcceptedEvent;
import app.rota.kernel.swap.SwapApprovedEvent;
import app.rota.kernel.swap.SwapCancelledEvent;
import app.rota.kernel.swap.SwapCompletedEvent;
import app.rota.kernel.swap.SwapDeclinedEvent;
import app.rota.kernel.swap.SwapEndedEvent;
import app.rota.kernel.swap.SwapExpiredEvent;
import app.rota.kernel.swap.SwapFailedEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapProposedEvent;
import app.rota.kernel.swap.SwapRejectedEvent;
import app.rota.kernel.swap.SwapState;
import app.rota.kernel.swap.SwapStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A swap between two members of a group: who may move it along is decided here with the {@link Actor};
 * what makes it possible is {@link SwapProposal}'s (at the proposal) and {@link SlotHandOvers}' (at the
 * completion). Completion happens in the transaction of the accept (or approve) that triggers it: both
 * slots move and the swap is COMPLETED, or nothing moves and the swap is FAILED with the reason.
 */
@Aggregate
class SwapAggregate {

    /** Recorded on the slots' events, so that the swap's process knows its own changes from anyone else's. */
    static final String CAUSED_BY_SWAP = SwapId.METADATA_KEY;

    @AggregateIdentifier
    private SwapId swapId;
    private GroupId groupId;
    private SwapKind kind;
    private MemberId proposer;
    private MemberId counterpart;
    private SlotKey fromSlot;
    private SlotKey toSlot;
    private SwapStatus status;
    private long version;

    SwapAggregate() {
    }

    @CommandHandler
    SwapAggregate(ProposeSwapCommand command, Actor actor, SwapProposal proposal) {
        SwapProposedEvent proposed = proposal.checked(command, actor);
        apply(proposed, MetaData.from(actor.actingFor(proposed.proposerId())));
    }

    @CommandHandler
    SwapState handle(AcceptSwapCommand command, Actor actor, GroupDirectory groups, SlotHandOvers handOvers) {
        requireGroup(command.groupId());
        actor.requireMayActFor(counterpart);
        requireStatus(SwapStatus.PROPOSED, "accepted");
        String reason = Text.reason(command.reason(), "reason");
        boolean approvalRequired = groups.swapApprovalRequired(groupId);
        apply(new SwapAcceptedEvent(swapId, groupId, proposer, counterpart, reason, approvalRequired),
                MetaData.from(actor.actingFor(counterpart)));
        if (!approvalRequired) {
            complete(handOvers, MetaData.from(actor.actingFor(counterpart)));
        }
        return state();
    }

    @CommandHandler
    SwapState handle(DeclineSwapCommand command, Actor actor) {
        requireGroup(command.groupId());
        actor.requireMayActFor(counterpart);
        requireStatus(SwapStatus.PROPOSED, "declined");
        apply(new SwapDeclinedEvent(swapId, groupId, proposer, counterpart, Text.reason(command.reason(), "reason")),
                MetaData.from(actor.actingFor(counterpart)));
        return state();
    }

    @CommandHandler
    SwapState handle(ApproveSwapCommand command, Actor actor, SlotHandOvers handOvers) {
        requireGroup(command.groupId());
        requireAdmin(actor);
        requireStatus(SwapStatus.ACCEPTED, "approved");
        apply(new SwapApprovedEvent(swapId, groupId, proposer, counterpart, Text.reason(command.reason(), "reason")));
        complete(handOvers, MetaData.emptyInstance());
        return state();
    }

    @CommandHandler
    SwapState handle(RejectSwapCommand command, Actor actor) {
        requireGroup(command.groupId());
        requireAdmin(actor);
        requireStatus(SwapStatus.ACCEPTED, "rejected");
        apply(new SwapRejectedEvent(swapId, groupId, proposer, counterpart, Text.reason(command.reason(), "reason")));
        return state();
    }

    @CommandHandler
    SwapState handle(CancelSwapCommand command, Actor actor) {
        requireGroup(command.groupId());
        actor.requireMayActFor(proposer);
        if (!status.isPending()) {
            throw stateConflict("cancelled");
        }
        apply(new SwapCancelledEvent(swapId, groupId, proposer, counterpart, Text.reason(command.reason(), "reason")),
                MetaData.from(actor.actingFor(proposer)));
        return state();
    }

    /** From the swap's deadline; a swap no longer pending (the deadline raced its end) stays as it is. */
    @CommandHandler
    SwapState handle(ExpireSwapCommand command) {
        requireGroup(command.groupId());
        if (status.isPending()) {
            apply(new SwapExpiredEvent(swapId, groupId, proposer, counterpart));
        }
        return state();
    }

    /** From the swap's process when one of its slots was changed by something else; too late once it ended. */
    @CommandHandler
    SwapState handle(FailSwapCommand command) {
        requireGroup(command.groupId());
        if (status.isPending()) {
            apply(new SwapFailedEvent(swapId, groupId, proposer, counterpart, command.failureReason()));
        }
        return state();
    }

    /** Moves both slots (a give-away: the one) or, if a rule no longer holds, none, and ends the swap accordingly. */
    private void complete(SlotHandOvers handOvers, MetaData actingFor) {
        try {
            handOvers.handOver(groupId, handOvers(), "swap " + swapId, MetaData.with(CAUSED_BY_SWAP, swapId.toString()));
        } catch (RotaException ruleNoLongerHolds) {
            apply(new SwapFailedEvent(swapId, groupId, proposer, counterpart, ruleNoLongerHolds.getMessage()), actingFor);
            return;
        }
        apply(new SwapCompletedEvent(swapId, groupId, kind, proposer, counterpart, fromSlot, toSlot), actingFor);
    }

    private List<HandOver> handOvers() {
        List<HandOver> moves = new ArrayList<>();
        moves.add(new HandOver(fromSlot, proposer, counterpart));
        if (kind == SwapKind.TRADE) {
            moves.add(new HandOver(toSlot, counterpart, proposer));
        }
        return moves;
    }

    /** A swap of another group is, to this group, a swap that does not exist. */
    private void requireGroup(GroupId requested) {
        if (!groupId.equals(requested)) {
            throw new RotaException(ErrorCode.SWAP_NOT_FOUND, "No swap " + swapId + " in this group.");
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.actsAsAdmin()) {
            throw new RotaException(ErrorCode.ACCESS_DENIED, "Only an admin may approve or reject a swap.");
        }
    }

    private void requireStatus(SwapStatus required, String what) {
        if (status != required) {
            throw stateConflict(what);
        }
    }

    private RotaException stateConflict(String what) {
        return new RotaException(ErrorCode.SWAP_STATE_CONFLICT, null,
                "A " + status + " swap cannot be " + what + ".", state());
    }

    private SwapState state() {
        return new SwapState(swapId, status, version);
    }

    @EventSourcingHandler
    void on(SwapProposedEvent event, @SequenceNumber long sequence) {
        swapId = event.swapId();
        groupId = event.groupId();
        kind = event.kind();
        proposer = event.proposerId();
        counterpart = event.counterpartId();
        fromSlot = event.fromSlot();
        toSlot = event.toSlot();
        status = SwapStatus.PROPOSED;
        version = sequence + 1;
    }

    @EventSourcingHandler
    void on(SwapAcceptedEvent event, @SequenceNumber long sequence) {
        status = SwapStatus.ACCEPTED;
        version = sequence + 1;
    }

    @EventSourcingHandler
    void on(SwapApprovedEvent event, @SequenceNumber long sequence) {
        version = sequence + 1;
    }

    @EventSourcingHandler
    void on(SwapEndedEvent event, @SequenceNumber long sequence) {
        status = event.outcome();
        version = sequence + 1;
    }
}
