package app.rota.command.swap;

import app.rota.command.FixtureClock;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.swap.ExpireSwapCommand;
import app.rota.kernel.swap.FailSwapCommand;
import app.rota.kernel.swap.SwapCompletedEvent;
import app.rota.kernel.swap.SwapDeclinedEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapProposedEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

class SwapSagaTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final SwapId SWAP = new SwapId(UUID.fromString("00000000-0000-0000-0000-0000000000e1"));
    private static final MemberId ANN = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final MemberId BOB = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    private static final ShiftTypeId PRIMARY = new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final SlotKey ANNS = new SlotKey(PRIMARY, LocalDate.of(2027, 5, 3));
    private static final SlotKey BOBS = new SlotKey(PRIMARY, LocalDate.of(2027, 5, 4));
    private SagaTestFixture<SwapSaga> fixture;
    /** Proposed now (the fixture's time), expiring in 48 hours. */
    private SwapProposedEvent proposed;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SwapSaga.class);
        FixtureClock.registerOn(fixture); // the saga waits for a deadline's instant on the fixture's time
        Instant expires = fixture.currentTime().plus(Duration.ofHours(48));
        proposed = new SwapProposedEvent(SWAP, GROUP, SwapKind.TRADE, ANN, BOB,
                ANNS, Instant.parse("2027-05-03T13:00:00Z"), Instant.parse("2027-05-04T13:00:00Z"),
                BOBS, Instant.parse("2027-05-04T13:00:00Z"), Instant.parse("2027-05-05T13:00:00Z"), null, expires);
    }

    @Test
    void aProposalSchedulesItsExpiry() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(proposed)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(proposed.expiresAt(), SwapSaga.EXPIRY)
                .expectNoDispatchedCommands();
    }

    @Test
    void aSwapStillPendingAtItsExpiryIsExpired() {
        fixture.givenAPublished(proposed)
                .whenTimeAdvancesTo(proposed.expiresAt())
                .expectTriggeredDeadlinesWithName(SwapSaga.EXPIRY)
                .expectDispatchedCommands(new ExpireSwapCommand(SWAP, GROUP));
    }

    @Test
    void anEndedSwapCancelsItsExpiryAndEnds() {
        fixture.givenAPublished(proposed)
                .whenPublishingA(new SwapDeclinedEvent(SWAP, GROUP, ANN, BOB, null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anAdminEditOfOneOfItsSlotsFailsTheSwap() {
        fixture.givenAPublished(proposed)
                .whenPublishingA(new SlotUnassignedEvent(BOBS, GROUP, BOB, "sick"))
                .expectDispatchedCommands(new FailSwapCommand(SWAP, GROUP,
                        "Slot " + BOBS + " was changed by someone else while the swap was pending."));
    }

    @Test
    void theSwapsOwnMovesOfItsSlotsAreNotAnEdit() {
        fixture.givenAPublished(proposed)
                .whenPublishingA(GenericEventMessage.asEventMessage(new SlotAssignedEvent(ANNS, GROUP, BOB, ANN, "swap", null, null))
                        .andMetaData(MetaData.with(SwapAggregate.CAUSED_BY_SWAP, SWAP.toString())))
                .expectNoDispatchedCommands();
    }

    @Test
    void aCompletedSwapEndsItsProcess() {
        fixture.givenAPublished(proposed)
                .whenPublishingA(new SwapCompletedEvent(SWAP, GROUP, SwapKind.TRADE, ANN, BOB, ANNS, BOBS))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anEditOfAnotherSlotIsNoneOfItsBusiness() {
        SlotKey other = new SlotKey(PRIMARY, LocalDate.of(2027, 5, 9));
        fixture.givenAPublished(proposed)
                .whenPublishingA(new SlotUnassignedEvent(other, GROUP, BOB, null))
                .expectNoDispatchedCommands();
    }
}
