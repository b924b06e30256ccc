package app.rota.command.swap;

import app.rota.command.Actors;
import app.rota.command.group.GroupDirectory;
import app.rota.command.slot.SlotHandOvers;
import app.rota.command.slot.SlotHandOvers.HandOver;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
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
import app.rota.kernel.swap.SwapExpiredEvent;
import app.rota.kernel.swap.SwapFailedEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapProposedEvent;
import app.rota.kernel.swap.SwapRejectedEvent;
import app.rota.kernel.swap.SwapState;
import app.rota.kernel.swap.SwapStatus;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rota.command.Refusals.refusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SwapAggregateTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final GroupId OTHER_GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a2"));
    private static final SwapId SWAP = new SwapId(UUID.fromString("00000000-0000-0000-0000-0000000000e1"));
    private static final MemberId ANN = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final MemberId BOB = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    private static final MemberId CAT = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b3"));
    private static final ShiftTypeId PRIMARY = new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final SlotKey ANNS = new SlotKey(PRIMARY, LocalDate.of(2027, 5, 3));
    private static final SlotKey BOBS = new SlotKey(PRIMARY, LocalDate.of(2027, 5, 4));
    private static final Instant EXPIRES = Instant.parse("2027-05-01T00:00:00Z");
    private static final SwapProposedEvent TRADE_PROPOSED = new SwapProposedEvent(SWAP, GROUP, SwapKind.TRADE, ANN, BOB,
            ANNS, Instant.parse("2027-05-03T13:00:00Z"), Instant.parse("2027-05-04T13:00:00Z"),
            BOBS, Instant.parse("2027-05-04T13:00:00Z"), Instant.parse("2027-05-05T13:00:00Z"), "wedding", EXPIRES);
    private static final SwapAcceptedEvent ACCEPTED_FOR_APPROVAL = new SwapAcceptedEvent(SWAP, GROUP, ANN, BOB, null, true);
    private static final Map<String, Object> ANN_ACTS = Actors.member(ANN, GROUP);
    private static final Map<String, Object> BOB_ACTS = Actors.member(BOB, GROUP);
    private static final Map<String, Object> CAT_ACTS = Actors.member(CAT, GROUP);
    private static final Map<String, Object> ADMIN_ACTS = Actors.groupAdmin(CAT, GROUP);

    private FixtureConfiguration<SwapAggregate> fixture;
    private SwapProposal proposal;
    private GroupDirectory groups;
    private SlotHandOvers handOvers;

    @BeforeEach
    void setUp() {
        proposal = mock(SwapProposal.class);
        groups = mock(GroupDirectory.class);
        handOvers = mock(SlotHandOvers.class);
        fixture = new AggregateTestFixture<>(SwapAggregate.class);
        fixture.registerInjectableResource(proposal);
        fixture.registerInjectableResource(groups);
        fixture.registerInjectableResource(handOvers);
    }

    // ---- proposing

    @Test
    void aProposalTheRulesAcceptIsRecordedWithWhomAnAdminActedFor() {
        ProposeSwapCommand command = new ProposeSwapCommand(SWAP, GROUP, ANNS, BOBS, BOB, ANN, "wedding", null);
        when(proposal.checked(eq(command), any())).thenReturn(TRADE_PROPOSED);

        fixture.givenNoPriorActivity()
                .when(command, ADMIN_ACTS)
                .expectEventsMatching(Actors.oneEvent(TRADE_PROPOSED, ANN));
    }

    @Test
    void aProposalTheRulesRefuseRecordsNothing() {
        ProposeSwapCommand command = new ProposeSwapCommand(SWAP, GROUP, ANNS, BOBS, BOB, null, null, null);
        when(proposal.checked(eq(command), any())).thenThrow(new RotaException(ErrorCode.SLOT_PENDING, null, "pending"));

        fixture.givenNoPriorActivity()
                .when(command, ANN_ACTS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SLOT_PENDING, null));
    }

    // ---- accepting

    @Test
    void theCounterpartAcceptsAndWithoutApprovalBothSlotsMoveInTheSameCommand() {
        fixture.given(TRADE_PROPOSED)
                .when(new AcceptSwapCommand(SWAP, GROUP, null), BOB_ACTS)
                .expectEvents(new SwapAcceptedEvent(SWAP, GROUP, ANN, BOB, null, false),
                        new SwapCompletedEvent(SWAP, GROUP, SwapKind.TRADE, ANN, BOB, ANNS, BOBS))
                .expectResultMessagePayload(new SwapState(SWAP, SwapStatus.COMPLETED, 3));
        verify(handOvers).handOver(GROUP, List.of(new HandOver(ANNS, ANN, BOB), new HandOver(BOBS, BOB, ANN)),
                "swap " + SWAP, MetaData.with(SwapAggregate.CAUSED_BY_SWAP, SWAP.toString()));
    }

    @Test
    void whenTheGroupRequiresApprovalAnAcceptedSwapWaitsAndNothingMoves() {
        when(groups.swapApprovalRequired(GROUP)).thenReturn(true);
        fixture.given(TRADE_PROPOSED)
                .when(new AcceptSwapCommand(SWAP, GROUP, null), BOB_ACTS)
                .expectEvents(ACCEPTED_FOR_APPROVAL)
                .expectResultMessagePayload(new SwapState(SWAP, SwapStatus.ACCEPTED, 2));
        verify(handOvers, never()).handOver(any(), any(), any(), any());
    }

    @Test
    void aCompletionTheRulesNoLongerAllowFailsTheSwapWithTheReasonAndMovesNothing() {
        doThrow(new RotaException(ErrorCode.MEMBER_DOUBLE_BOOKED, "memberId", "Bob now holds an overlapping slot."))
                .when(handOvers).handOver(any(), any(), any(), any());
        fixture.given(TRADE_PROPOSED)
                .when(new AcceptSwapCommand(SWAP, GROUP, null), BOB_ACTS)
                .expectEvents(new SwapAcceptedEvent(SWAP, GROUP, ANN, BOB, null, false),
                        new SwapFailedEvent(SWAP, GROUP, ANN, BOB, "Bob now holds an overlapping slot."))
                .expectResultMessagePayload(new SwapState(SWAP, SwapStatus.FAILED, 3));
    }

    @Test
    void onlyTheCounterpartOrAnAdminMayAccept() {
        expectRefused(new AcceptSwapCommand(SWAP, GROUP, null), ANN_ACTS, ErrorCode.ACCESS_DENIED);
        expectRefused(new AcceptSwapCommand(SWAP, GROUP, null), CAT_ACTS, ErrorCode.ACCESS_DENIED);
    }

    @Test
    void anAdminAcceptsForTheCounterpart() {
        fixture.given(TRADE_PROPOSED)
                .when(new AcceptSwapCommand(SWAP, GROUP, null), ADMIN_ACTS)
                .expectResultMessagePayload(new SwapState(SWAP, SwapStatus.COMPLETED, 3));
    }

    @Test
    void aSwapOfAnotherGroupDoesNotExistForThisOne() {
        expectRefused(new AcceptSwapCommand(SWAP, OTHER_GROUP, null), BOB_ACTS, ErrorCode.SWAP_NOT_FOUND);
    }

    @Test
    void anEndedSwapCannotBeAcceptedAndTheRefusalTellsItsState() {
        fixture.given(TRADE_PROPOSED, new SwapDeclinedEvent(SWAP, GROUP, ANN, BOB, null))
                .when(new AcceptSwapCommand(SWAP, GROUP, null), BOB_ACTS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SWAP_STATE_CONFLICT, null, new SwapState(SWAP, SwapStatus.DECLINED, 2)));
    }

    // ---- declining, approving, rejecting, cancelling

    @Test
    void theCounterpartDeclines() {
        fixture.given(TRADE_PROPOSED)
                .when(new DeclineSwapCommand(SWAP, GROUP, "  busy  "), BOB_ACTS)
                .expectEvents(new SwapDeclinedEvent(SWAP, GROUP, ANN, BOB, "busy"));
    }

    @Test
    void theProposerCannotDeclineTheirOwnProposal() {
        expectRefused(new DeclineSwapCommand(SWAP, GROUP, null), ANN_ACTS, ErrorCode.ACCESS_DENIED);
    }

    @Test
    void anAdminApprovesAnAcceptedSwapAndBothSlotsMove() {
        fixture.given(TRADE_PROPOSED, ACCEPTED_FOR_APPROVAL)
                .when(new ApproveSwapCommand(SWAP, GROUP, null), ADMIN_ACTS)
                .expectEvents(new SwapApprovedEvent(SWAP, GROUP, ANN, BOB, null),
                        new SwapCompletedEvent(SWAP, GROUP, SwapKind.TRADE, ANN, BOB, ANNS, BOBS));
    }

    @Test
    void aMemberCannotApproveOrReject() {
        fixture.given(TRADE_PROPOSED, ACCEPTED_FOR_APPROVAL)
                .when(new ApproveSwapCommand(SWAP, GROUP, null), BOB_ACTS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
        fixture.given(TRADE_PROPOSED, ACCEPTED_FOR_APPROVAL)
                .when(new RejectSwapCommand(SWAP, GROUP, null), ANN_ACTS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void aSwapNotYetAcceptedCannotBeApproved() {
        expectRefused(new ApproveSwapCommand(SWAP, GROUP, null), ADMIN_ACTS, ErrorCode.SWAP_STATE_CONFLICT);
    }

    @Test
    void anAdminRejectsAnAcceptedSwap() {
        fixture.given(TRADE_PROPOSED, ACCEPTED_FOR_APPROVAL)
                .when(new RejectSwapCommand(SWAP, GROUP, "short-staffed"), ADMIN_ACTS)
                .expectEvents(new SwapRejectedEvent(SWAP, GROUP, ANN, BOB, "short-staffed"));
    }

    @Test
    void theProposerCancelsWhileItIsPendingEvenAwaitingApproval() {
        fixture.given(TRADE_PROPOSED, ACCEPTED_FOR_APPROVAL)
                .when(new CancelSwapCommand(SWAP, GROUP, null), ANN_ACTS)
                .expectEvents(new SwapCancelledEvent(SWAP, GROUP, ANN, BOB, null));
    }

    @Test
    void theCounterpartCannotCancel() {
        expectRefused(new CancelSwapCommand(SWAP, GROUP, null), BOB_ACTS, ErrorCode.ACCESS_DENIED);
    }

    @Test
    void aCompletedSwapCannotBeCancelled() {
        fixture.given(TRADE_PROPOSED, new SwapCompletedEvent(SWAP, GROUP, SwapKind.TRADE, ANN, BOB, ANNS, BOBS))
                .when(new CancelSwapCommand(SWAP, GROUP, null), ANN_ACTS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SWAP_STATE_CONFLICT, null));
    }

    // ---- expiry and failure from the process

    @Test
    void aPendingSwapExpires() {
        fixture.given(TRADE_PROPOSED)
                .when(new ExpireSwapCommand(SWAP, GROUP))
                .expectEvents(new SwapExpiredEvent(SWAP, GROUP, ANN, BOB));
    }

    @Test
    void anExpiryThatRacedTheEndOfTheSwapChangesNothing() {
        fixture.given(TRADE_PROPOSED, new SwapCompletedEvent(SWAP, GROUP, SwapKind.TRADE, ANN, BOB, ANNS, BOBS))
                .when(new ExpireSwapCommand(SWAP, GROUP))
                .expectNoEvents();
    }

    @Test
    void aPendingSwapWhoseSlotChangedFailsWithTheReason() {
        fixture.given(TRADE_PROPOSED, ACCEPTED_FOR_APPROVAL)
                .when(new FailSwapCommand(SWAP, GROUP, "changed by an admin"))
                .expectEvents(new SwapFailedEvent(SWAP, GROUP, ANN, BOB, "changed by an admin"));
    }

    private void expectRefused(Object command, Map<String, Object> actor, ErrorCode code) {
        fixture.given(TRADE_PROPOSED)
                .when(command, actor)
                .expectNoEvents()
                .expectException(refusal(code, null));
    }
}
