package app.rota.command.coverage;

import app.rota.command.FixtureClock;
import app.rota.kernel.coverage.CancelCoverageCommand;
import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.EscalateCoverageCommand;
import app.rota.kernel.coverage.MarkCoverageUnfilledCommand;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

class CoverageSagaTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final CoverageRequestId REQUEST = new CoverageRequestId(UUID.fromString("00000000-0000-0000-0000-0000000000f1"));
    private static final MemberId ANN = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final MemberId BOB = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    private static final SlotKey SLOT = new SlotKey(new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c1")),
            LocalDate.of(2027, 5, 3));

    private SagaTestFixture<CoverageSaga> fixture;
    private CoverageRequestedEvent requested;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CoverageSaga.class);
        FixtureClock.registerOn(fixture); // the saga waits for a deadline's instant on the fixture's time
        Instant now = fixture.currentTime();
        requested = new CoverageRequestedEvent(REQUEST, GROUP, SLOT, now.plus(Duration.ofHours(6)), now.plus(Duration.ofHours(30)),
                ANN, List.of(BOB), null, now.plus(Duration.ofHours(4)));
    }

    @Test
    void aRequestSchedulesItsEscalationAndItsEndAtTheShiftsStart() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested)
                .expectScheduledDeadlineWithName(requested.escalatesAt(), CoverageSaga.ESCALATION)
                .expectScheduledDeadlineWithName(requested.start(), CoverageSaga.UNFILLED);
    }

    @Test
    void aRequestStillOpenAtEscalatesAtIsEscalated() {
        fixture.givenAPublished(requested)
                .whenTimeAdvancesTo(requested.escalatesAt())
                .expectTriggeredDeadlinesWithName(CoverageSaga.ESCALATION)
                .expectDispatchedCommands(new EscalateCoverageCommand(REQUEST, GROUP));
    }

    @Test
    void aRequestStillOpenWhenTheShiftStartsIsUnfilled() {
        fixture.givenAPublished(requested)
                .whenTimeAdvancesTo(requested.start())
                .expectDispatchedCommands(new EscalateCoverageCommand(REQUEST, GROUP), new MarkCoverageUnfilledCommand(REQUEST, GROUP));
    }

    @Test
    void aCoveredRequestCancelsItsDeadlinesAndEnds() {
        fixture.givenAPublished(requested)
                .whenPublishingA(new CoverageCoveredEvent(REQUEST, GROUP, SLOT, ANN, BOB))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRequestWhoseTimeoutReachesPastTheStartEscalatesAtTheStart() {
        CoverageRequestedEvent late = new CoverageRequestedEvent(REQUEST, GROUP, SLOT, requested.start(), requested.end(),
                ANN, List.of(BOB), null, requested.start());
        fixture.givenNoPriorActivity()
                .whenPublishingA(late)
                .expectScheduledDeadlineWithName(late.start(), CoverageSaga.UNFILLED)
                .expectScheduledDeadlineWithName(late.start(), CoverageSaga.ESCALATION);
    }

    @Test
    void anAdminEditOfTheSlotCancelsTheRequest() {
        fixture.givenAPublished(requested)
                .whenPublishingA(new SlotUnassignedEvent(SLOT, GROUP, ANN, null))
                .expectDispatchedCommands(new CancelCoverageCommand(REQUEST, GROUP,
                        "Slot " + SLOT + " was changed by someone else while coverage was requested."));
    }

    @Test
    void theRequestsOwnMoveOfTheSlotIsNotAnEdit() {
        fixture.givenAPublished(requested)
                .whenPublishingA(GenericEventMessage.asEventMessage(new SlotAssignedEvent(SLOT, GROUP, BOB, ANN, "coverage", null, null))
                        .andMetaData(MetaData.with(CoverageRequestAggregate.CAUSED_BY_COVERAGE, REQUEST.toString())))
                .expectNoDispatchedCommands();
    }
}
