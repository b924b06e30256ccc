package app.rota.command.coverage;

import app.rota.command.Actors;
import app.rota.command.group.GroupDirectory;
import app.rota.command.slot.SlotHandOvers;
import app.rota.command.slot.SlotHandOvers.HandOver;
import app.rota.kernel.coverage.ApproveCoverageCommand;
import app.rota.kernel.coverage.CancelCoverageCommand;
import app.rota.kernel.coverage.ClaimCoverageCommand;
import app.rota.kernel.coverage.CoverageApprovedEvent;
import app.rota.kernel.coverage.CoverageCancelledEvent;
import app.rota.kernel.coverage.CoverageClaimedEvent;
import app.rota.kernel.coverage.CoverageCoveredEvent;
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
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static app.rota.command.Refusals.refusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CoverageRequestAggregateTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final GroupId OTHER_GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a2"));
    private static final CoverageRequestId REQUEST = new CoverageRequestId(UUID.fromString("00000000-0000-0000-0000-0000000000f1"));
    private static final MemberId ANN = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final MemberId BOB = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    private static final MemberId CAT = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b3"));
    private static final SlotKey SLOT = new SlotKey(new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c1")),
            LocalDate.of(2027, 5, 3));
    private static final CoverageRequestedEvent REQUESTED = new CoverageRequestedEvent(REQUEST, GROUP, SLOT,
            Instant.parse("2027-05-03T13:00:00Z"), Instant.parse("2027-05-04T13:00:00Z"), ANN, List.of(BOB, CAT), "sick",
            Instant.parse("2027-05-01T00:00:00Z"));
    private static final Map<String, Object> ANN_ACTS = Actors.member(ANN, GROUP);
    private static final Map<String, Object> BOB_ACTS = Actors.member(BOB, GROUP);
    private static final Map<String, Object> ADMIN_ACTS = Actors.groupAdmin(CAT, GROUP);

    private FixtureConfiguration<CoverageRequestAggregate> fixture;
    private CoverageRules rules;
    private GroupDirectory groups;
    private SlotHandOvers handOvers;

    @BeforeEach
    void setUp() {
        rules = mock(CoverageRules.class);
        groups = mock(GroupDirectory.class);
        handOvers = mock(SlotHandOvers.class);
        when(rules.whyNotClaim(any(), any(), any(), any())).thenReturn(Optional.empty());
        fixture = new AggregateTestFixture<>(CoverageRequestAggregate.class);
        fixture.registerInjectableResource(rules);
        fixture.registerInjectableResource(groups);
        fixture.registerInjectableResource(handOvers);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2027-04-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aRequestTheRulesAcceptIsRecordedWithWhomAnAdminActedFor() {
        RequestCoverageCommand command = new RequestCoverageCommand(REQUEST, GROUP, SLOT, ANN, "sick");
        when(rules.requested(eq(command), any())).thenReturn(REQUESTED);

        fixture.givenNoPriorActivity()
                .when(command, ADMIN_ACTS)
                .expectEventsMatching(Actors.oneEvent(REQUESTED, ANN));
    }

    @Test
    void theFirstValidClaimTakesTheSlotInTheSameCommand() {
        fixture.given(REQUESTED)
                .when(new ClaimCoverageCommand(REQUEST, GROUP, null), BOB_ACTS)
                .expectEvents(new CoverageClaimedEvent(REQUEST, GROUP, SLOT, ANN, BOB, false),
                        new CoverageCoveredEvent(REQUEST, GROUP, SLOT, ANN, BOB))
                .expectResultMessagePayload(new CoverageState(REQUEST, CoverageStatus.COVERED, 3));
        verify(handOvers).handOver(GROUP, List.of(new HandOver(SLOT, ANN, BOB)), "coverage " + REQUEST,
                MetaData.with(CoverageRequestAggregate.CAUSED_BY_COVERAGE, REQUEST.toString()));
    }

    @Test
    void aClaimOnARequestNoLongerOpenIsAConflict() {
        fixture.given(REQUESTED, new CoverageClaimedEvent(REQUEST, GROUP, SLOT, ANN, BOB, false),
                        new CoverageCoveredEvent(REQUEST, GROUP, SLOT, ANN, BOB))
                .when(new ClaimCoverageCommand(REQUEST, GROUP, null), ADMIN_ACTS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.COVERAGE_STATE_CONFLICT, null));
    }

    @Test
    void anIneligibleClaimantIsRefusedAndNothingIsStored() {
        when(rules.whyNotClaim(GROUP, SLOT, ANN, BOB))
                .thenReturn(Optional.of(new RotaException(ErrorCode.CLAIMANT_INELIGIBLE, "memberId", "on time off")));
        fixture.given(REQUESTED)
                .when(new ClaimCoverageCommand(REQUEST, GROUP, null), BOB_ACTS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.CLAIMANT_INELIGIBLE, "memberId"));
    }

    @Test
    void aClaimWhoseHandOverIsRefusedStoresNothing() {
        doThrow(new RotaException(ErrorCode.MEMBER_DOUBLE_BOOKED, "memberId", "overlap")).when(handOvers).handOver(any(), any(), any(), any());
        fixture.given(REQUESTED)
                .when(new ClaimCoverageCommand(REQUEST, GROUP, null), BOB_ACTS)
                .expectException(refusal(ErrorCode.MEMBER_DOUBLE_BOOKED, "memberId"));
    }

    @Test
    void aMemberCannotClaimForSomeoneElse() {
        fixture.given(REQUESTED)
                .when(new ClaimCoverageCommand(REQUEST, GROUP, CAT), BOB_ACTS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void withApprovalRequiredAClaimWaitsAndAnAdminApprovesIt() {
        when(groups.coverageApprovalRequired(GROUP)).thenReturn(true);
        fixture.given(REQUESTED)
                .when(new ClaimCoverageCommand(REQUEST, GROUP, null), BOB_ACTS)
                .expectEvents(new CoverageClaimedEvent(REQUEST, GROUP, SLOT, ANN, BOB, true));
        verify(handOvers, never()).handOver(any(), any(), any(), any());

        fixture.given(REQUESTED, new CoverageClaimedEvent(REQUEST, GROUP, SLOT, ANN, BOB, true))
                .when(new ApproveCoverageCommand(REQUEST, GROUP, null), ADMIN_ACTS)
                .expectEvents(new CoverageApprovedEvent(REQUEST, GROUP, SLOT, ANN, BOB, null),
                        new CoverageCoveredEvent(REQUEST, GROUP, SLOT, ANN, BOB));
    }

    @Test
    void aRejectedClaimReturnsTheRequestToOpenForTheNextClaim() {
        fixture.given(REQUESTED, new CoverageClaimedEvent(REQUEST, GROUP, SLOT, ANN, BOB, true),
                        new CoverageRejectedEvent(REQUEST, GROUP, SLOT, ANN, BOB, "no"))
                .when(new ClaimCoverageCommand(REQUEST, GROUP, null), ADMIN_ACTS)
                .expectEvents(new CoverageClaimedEvent(REQUEST, GROUP, SLOT, ANN, CAT, false),
                        new CoverageCoveredEvent(REQUEST, GROUP, SLOT, ANN, CAT));
    }

    @Test
    void onlyAnAdminApprovesOrRejects() {
        fixture.given(REQUESTED, new CoverageClaimedEvent(REQUEST, GROUP, SLOT, ANN, BOB, true))
                .when(new RejectCoverageCommand(REQUEST, GROUP, null), ANN_ACTS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void theRequesterCancelsButAnotherMemberCannot() {
        fixture.given(REQUESTED)
                .when(new CancelCoverageCommand(REQUEST, GROUP, null), BOB_ACTS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
        fixture.given(REQUESTED)
                .when(new CancelCoverageCommand(REQUEST, GROUP, "better"), ANN_ACTS)
                .expectEvents(new CoverageCancelledEvent(REQUEST, GROUP, SLOT, ANN, "better"));
    }

    @Test
    void anOpenRequestEscalatesOnceAndBecomesUnfilledAtTheStart() {
        fixture.given(REQUESTED)
                .when(new EscalateCoverageCommand(REQUEST, GROUP))
                .expectEvents(new CoverageEscalatedEvent(REQUEST, GROUP, SLOT, ANN));
        fixture.given(REQUESTED, new CoverageEscalatedEvent(REQUEST, GROUP, SLOT, ANN))
                .when(new EscalateCoverageCommand(REQUEST, GROUP))
                .expectNoEvents();
        fixture.given(REQUESTED, new CoverageEscalatedEvent(REQUEST, GROUP, SLOT, ANN))
                .when(new MarkCoverageUnfilledCommand(REQUEST, GROUP))
                .expectEvents(new CoverageUnfilledEvent(REQUEST, GROUP, SLOT, ANN));
    }

    @Test
    void aRequestNeverEscalatedIsEscalatedAsItBecomesUnfilled() {
        fixture.given(REQUESTED)
                .when(new MarkCoverageUnfilledCommand(REQUEST, GROUP))
                .expectEvents(new CoverageEscalatedEvent(REQUEST, GROUP, SLOT, ANN), new CoverageUnfilledEvent(REQUEST, GROUP, SLOT, ANN));
    }

    @Test
    void aClaimRejectedAfterTheEscalationTimeReopensTheRequestEscalated() {
        FixtureConfiguration<CoverageRequestAggregate> afterEscalationTime = new AggregateTestFixture<>(CoverageRequestAggregate.class);
        afterEscalationTime.registerInjectableResource(Clock.fixed(Instant.parse("2027-05-02T00:00:00Z"), ZoneOffset.UTC));
        afterEscalationTime.given(REQUESTED, new CoverageClaimedEvent(REQUEST, GROUP, SLOT, ANN, BOB, true))
                .when(new RejectCoverageCommand(REQUEST, GROUP, null), ADMIN_ACTS)
                .expectEvents(new CoverageRejectedEvent(REQUEST, GROUP, SLOT, ANN, BOB, null),
                        new CoverageEscalatedEvent(REQUEST, GROUP, SLOT, ANN));
    }

    @Test
    void aCoveredRequestIsNeverUnfilled() {
        fixture.given(REQUESTED, new CoverageClaimedEvent(REQUEST, GROUP, SLOT, ANN, BOB, false),
                        new CoverageCoveredEvent(REQUEST, GROUP, SLOT, ANN, BOB))
                .when(new MarkCoverageUnfilledCommand(REQUEST, GROUP))
                .expectNoEvents();
    }

    @Test
    void aRequestOfAnotherGroupDoesNotExistForThisOne() {
        fixture.given(REQUESTED)
                .when(new ClaimCoverageCommand(REQUEST, OTHER_GROUP, null), BOB_ACTS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.COVERAGE_REQUEST_NOT_FOUND, null));
    }
}
