package app.rota.command.rotation;

import app.rota.command.Actors;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.rotation.PublishRotationCommand;
import app.rota.kernel.rotation.RotationId;
import app.rota.kernel.rotation.RotationPublishedEvent;
import app.rota.kernel.rotation.RotationShare;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static app.rota.command.Refusals.refusal;

class RotationAggregateTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final MemberId ANN = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final MemberId BOB = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    private static final ShiftTypeId DAILY = new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final RotationId RUN = RotationId.of("00000000-0000-0000-0000-0000000000e1");
    private static final LocalDate FROM = LocalDate.of(2026, 3, 6);
    private static final LocalDate TO = LocalDate.of(2026, 3, 8);
    private static final List<RotationShare> SHARES = List.of(
            new RotationShare(ANN, List.of(new SlotKey(DAILY, FROM), new SlotKey(DAILY, TO))),
            new RotationShare(BOB, List.of(new SlotKey(DAILY, FROM.plusDays(1)))));
    private static final PublishRotationCommand PUBLISH = new PublishRotationCommand(RUN, GROUP, FROM, TO, SHARES, 1);

    private FixtureConfiguration<RotationAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RotationAggregate.class);
    }

    @Test
    void anAdminsRotationPublishesItsSummaryOnce() {
        fixture.givenNoPriorActivity()
                .when(PUBLISH, Actors.groupAdmin(ANN, GROUP))
                .expectEvents(new RotationPublishedEvent(RUN, GROUP, FROM, TO, SHARES, 1));
    }

    @Test
    void theSystemMayPublishARotation() {
        fixture.givenNoPriorActivity()
                .when(PUBLISH, Actors.system())
                .expectEvents(new RotationPublishedEvent(RUN, GROUP, FROM, TO, SHARES, 1));
    }

    @Test
    void aMemberCannotPublishARotation() {
        fixture.givenNoPriorActivity()
                .when(PUBLISH, Actors.member(BOB, GROUP))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void anAuditorCannotPublishARotation() {
        fixture.givenNoPriorActivity()
                .when(PUBLISH, Actors.auditor(BOB, GROUP))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void aCommandThatNamesNoActorCannotPublishARotation() {
        fixture.givenNoPriorActivity()
                .when(PUBLISH)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }
}
