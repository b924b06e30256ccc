package app.rota.query.calendar;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberOptedInToSmsEvent;
import app.rota.kernel.member.MemberOptedOutOfSmsEvent;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.schedule.Assignee;
import app.rota.kernel.schedule.CalendarResponse;
import app.rota.kernel.schedule.CalendarSlot;
import app.rota.kernel.schedule.FindCalendarQuery;
import app.rota.kernel.schedule.FindMemberScheduleQuery;
import app.rota.kernel.schedule.FindOnCallQuery;
import app.rota.kernel.schedule.MemberScheduleResponse;
import app.rota.kernel.schedule.OnCallResponse;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeChangedEvent;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.ShiftTypeRetiredEvent;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotStatus;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.coverage.CoverageCancelledEvent;
import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.CoverageUnfilledEvent;
import app.rota.kernel.swap.SwapCancelledEvent;
import app.rota.kernel.swap.SwapCompletedEvent;
import app.rota.kernel.swap.SwapDeclinedEvent;
import app.rota.kernel.swap.SwapExpiredEvent;
import app.rota.kernel.swap.SwapFailedEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapProposedEvent;
import app.rota.kernel.swap.SwapRejectedEvent;
import app.rota.query.support.Deliveries;
import app.rota.query.support.ProjectionDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The calendar projection as a plain object on a real PostgreSQL: events go in through its event
 * handlers (with the aggregate sequence numbers Axon would pass), answers come out of its query handlers.
 */
class CalendarProjectionTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final GroupId GROUP = id(GroupId::new, "a1");
    private static final GroupId OTHER_GROUP = id(GroupId::new, "a2");
    private static final ShiftTypeId DAY = id(ShiftTypeId::new, "c1");
    private static final ShiftTypeId WEEKEND = id(ShiftTypeId::new, "c2");
    private static final ShiftTypeId NIGHT = id(ShiftTypeId::new, "c3");
    private static final ShiftTypeId PRIMARY = id(ShiftTypeId::new, "c4");
    private static final MemberId ALICE = id(MemberId::new, "b1");
    private static final MemberId BOB = id(MemberId::new, "b2");
    private static final MemberId CAROL = id(MemberId::new, "b3");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    /** Before every slot these tests read, so an open slot is OPEN unless a test says what time it is. */
    private static final Clock BEFORE_EVERY_SLOT = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    /** When the test's events start being recorded: a second apart each, unless a test says otherwise. */
    private static final Instant RECORDING_STARTS = Instant.parse("2025-12-01T00:00:00Z");
    private static final SwapId SWAP = id(SwapId::new, "d1");
    private static final CoverageRequestId REQUEST = id(CoverageRequestId::new, "f1");

    private static JdbcTemplate jdbc;

    private CalendarProjection projection;
    private Deliveries deliveries;
    /** The next sequence number of each slot's stream, as the slot aggregate would number its events. */
    private final Map<SlotKey, Long> slotSequences = new HashMap<>();
    private final Map<ShiftTypeId, ShiftTiming> timings = new HashMap<>();

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(ProjectionDatabase.migrated());
    }

    @BeforeEach
    void emptyProjection() {
        projection = new CalendarProjection(new CalendarStore(jdbc), BEFORE_EVERY_SLOT);
        projection.reset();
        deliveries = new Deliveries(projection, RECORDING_STARTS);
    }

    // ---- the calendar

    @Test
    void aMonthShowsEveryOccurrenceOpenOrAssignedWithEachSlotsVersion() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        deliveries.event(defined(WEEKEND, "Weekend", "09:00", 24, EnumSet.of(SATURDAY, SUNDAY)));
        assign(DAY, "2026-06-03", ALICE);
        assign(DAY, "2026-06-04", BOB);
        assign(DAY, "2026-06-04", ALICE);
        assign(WEEKEND, "2026-06-06", BOB);
        unassign(WEEKEND, "2026-06-06");

        CalendarResponse june = calendar(GROUP, "2026-06-01", "2026-06-30");

        assertThat(june.groupId()).isEqualTo(GROUP);
        assertThat(june.timeZone()).isEqualTo("America/Chicago");
        assertThat(june.slots()).hasSize(22 + 8);
        assertThat(june.slots()).extracting(CalendarSlot::start).isSortedAccordingTo(OffsetDateTime::compareTo);
        assertThat(june.slots()).filteredOn(slot -> slot.status() == SlotStatus.ASSIGNED).hasSize(2);

        CalendarSlot first = june.slots().get(0);
        assertThat(first.shiftTypeName()).isEqualTo("Day");
        assertThat(first.date()).isEqualTo("2026-06-01");
        assertThat(first.start()).hasToString("2026-06-01T08:00-05:00");
        assertThat(first.end()).hasToString("2026-06-01T16:00-05:00");
        assertThat(first.realHours()).isEqualTo(8.0);

        CalendarSlot assigned = slot(june, DAY, "2026-06-03");
        assertThat(assigned.status()).isEqualTo(SlotStatus.ASSIGNED);
        assertThat(assigned.assignee()).isEqualTo(new Assignee(ALICE, "Alice", true));
        assertThat(assigned.version()).isEqualTo(1);

        CalendarSlot reassigned = slot(june, DAY, "2026-06-04");
        assertThat(reassigned.assignee().memberId()).isEqualTo(ALICE);
        assertThat(reassigned.version()).isEqualTo(2);

        CalendarSlot unassigned = slot(june, WEEKEND, "2026-06-06");
        assertThat(unassigned.status()).isEqualTo(SlotStatus.OPEN);
        assertThat(unassigned.assignee()).isNull();
        assertThat(unassigned.version()).as("open again, but edited twice").isEqualTo(2);
        assertThat(unassigned.realHours()).isEqualTo(24.0);

        CalendarSlot neverEdited = slot(june, DAY, "2026-06-05");
        assertThat(neverEdited.status()).isEqualTo(SlotStatus.OPEN);
        assertThat(neverEdited.version()).isZero();
    }

    @Test
    void aCalendarAnswersFromItsOwnGroupTableWhileTheGroupsProjectionIsEmpty() {
        deliveries.event(created(GROUP, CHICAGO));
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));

        CalendarResponse week = calendar(GROUP, "2026-06-01", "2026-06-07");

        assertThat(jdbc.queryForObject("select count(*) from group_view", Long.class)).isZero();
        assertThat(week.timeZone()).isEqualTo("America/Chicago");
        assertThat(week.slots()).hasSize(5);
    }

    @Test
    void aGroupTheCalendarHasNeverSeenIsGroupNotFoundForEveryRead() {
        chicagoGroupWithAliceAndBob();
        GroupId unknown = id(GroupId::new, "ff");

        assertGroupNotFound(() -> calendar(unknown, "2026-06-01", "2026-06-07"));
        assertGroupNotFound(() -> projection.handle(new FindOnCallQuery(unknown, Instant.parse("2026-06-01T12:00:00Z"))));
        assertGroupNotFound(() -> schedule(unknown, ALICE, "2026-06-01", "2026-06-07"));
    }

    @Test
    void aChangedShiftTypeOccursOnItsNewDaysButKeepsAnAssignmentMadeOnAnOldOne() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-01", ALICE);
        deliveries.event(new ShiftTypeChangedEvent(DAY, GROUP, "Weekday", EnumSet.of(TUESDAY, THURSDAY)));

        CalendarResponse week = calendar(GROUP, "2026-06-01", "2026-06-07");

        assertThat(week.slots()).extracting(CalendarSlot::date, CalendarSlot::shiftTypeName, CalendarSlot::status)
                .containsExactly(
                        tuple(LocalDate.parse("2026-06-01"), "Weekday", SlotStatus.ASSIGNED),
                        tuple(LocalDate.parse("2026-06-02"), "Weekday", SlotStatus.OPEN),
                        tuple(LocalDate.parse("2026-06-04"), "Weekday", SlotStatus.OPEN));
    }

    // ---- daylight saving time

    @Test
    void aTwentyFourHourShiftLastsTwentyThreeRealHoursAcrossSpringForwardAndTwentyFiveAcrossFallBack() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(PRIMARY, "Primary", "08:00", 24, EnumSet.allOf(DayOfWeek.class)));
        assign(PRIMARY, "2026-03-07", ALICE);

        List<CalendarSlot> spring = calendar(GROUP, "2026-03-06", "2026-03-08").slots();
        List<CalendarSlot> fall = calendar(GROUP, "2026-10-30", "2026-11-01").slots();

        assertThat(spring).extracting(CalendarSlot::realHours).containsExactly(24.0, 23.0, 24.0);
        assertThat(spring.get(1).start()).hasToString("2026-03-07T08:00-06:00");
        assertThat(spring.get(1).end()).hasToString("2026-03-08T08:00-05:00");
        assertThat(spring.get(1).status()).isEqualTo(SlotStatus.ASSIGNED);
        assertThat(spring.get(2).start()).hasToString("2026-03-08T08:00-05:00");
        assertThat(fall).extracting(CalendarSlot::realHours).containsExactly(24.0, 25.0, 24.0);
        assertThat(fall.get(1).start()).hasToString("2026-10-31T08:00-05:00");
        assertThat(fall.get(1).end()).hasToString("2026-11-01T08:00-06:00");
    }

    @Test
    void aShiftStartingInTheSpringForwardGapStartsAtTheFirstValidInstant() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(PRIMARY, "Odd", "02:30", 4, EnumSet.of(SUNDAY)));

        CalendarSlot slot = calendar(GROUP, "2026-03-08", "2026-03-08").slots().get(0);

        assertThat(slot.start()).hasToString("2026-03-08T03:00-05:00");
        assertThat(slot.end()).hasToString("2026-03-08T06:30-05:00");
        assertThat(slot.realHours()).isEqualTo(3.5);
    }

    // ---- retired shift types

    @Test
    void aRetiredShiftTypeKeepsItsAssignedSlotsButNotItsOpenOnes() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        deliveries.event(defined(NIGHT, "Night", "20:00", 12, EnumSet.allOf(DayOfWeek.class)));
        assign(DAY, "2026-06-03", ALICE);
        deliveries.event(new ShiftTypeRetiredEvent(DAY, GROUP));

        CalendarResponse week = calendar(GROUP, "2026-06-01", "2026-06-07");

        assertThat(week.slots()).filteredOn(slot -> slot.shiftTypeId().equals(DAY))
                .singleElement()
                .satisfies(slot -> {
                    assertThat(slot.date()).isEqualTo("2026-06-03");
                    assertThat(slot.status()).isEqualTo(SlotStatus.ASSIGNED);
                    assertThat(slot.assignee().name()).isEqualTo("Alice");
                });
        assertThat(week.slots()).filteredOn(slot -> slot.shiftTypeId().equals(NIGHT)).hasSize(7);
        assertThat(schedule(GROUP, ALICE, "2026-06-01", "2026-06-07").slots())
                .extracting(CalendarSlot::shiftTypeName).containsExactly("Day");
    }

    // ---- on call

    @Test
    void onCallAtAnInstantInsideANightShiftThatStartedTheDayBeforeIsThatNightsAssignee() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 12, EnumSet.allOf(DayOfWeek.class)));
        deliveries.event(defined(NIGHT, "Night", "20:00", 12, EnumSet.allOf(DayOfWeek.class)));
        assign(NIGHT, "2026-06-09", ALICE);
        assign(DAY, "2026-06-10", BOB);

        OnCallResponse night = onCall("2026-06-10T03:00:00-05:00");
        OnCallResponse morning = onCall("2026-06-10T08:00:00-05:00");

        assertThat(night.at()).hasToString("2026-06-10T03:00-05:00");
        assertThat(night.onCall()).singleElement().satisfies(slot -> {
            assertThat(slot.shiftTypeName()).isEqualTo("Night");
            assertThat(slot.date()).isEqualTo("2026-06-09");
            assertThat(slot.assignee().name()).isEqualTo("Alice");
        });
        assertThat(morning.onCall()).as("the night ends where the day begins").singleElement().satisfies(slot -> {
            assertThat(slot.shiftTypeName()).isEqualTo("Day");
            assertThat(slot.assignee().name()).isEqualTo("Bob");
        });
    }

    @Test
    void onCallWhenNobodyHoldsTheSlotIsTheOpenSlot() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(NIGHT, "Night", "20:00", 12, EnumSet.allOf(DayOfWeek.class)));

        OnCallResponse night = onCall("2026-06-10T03:00:00-05:00");

        assertThat(night.onCall()).singleElement().satisfies(slot -> {
            assertThat(slot.status()).isEqualTo(SlotStatus.OPEN);
            assertThat(slot.assignee()).isNull();
        });
    }

    // ---- a member's schedule

    @Test
    void aMembersScheduleListsOnlyTheirSlotsInTheRangeInOrderUnderTheirCurrentName() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        deliveries.event(defined(WEEKEND, "Weekend", "09:00", 24, EnumSet.of(SATURDAY, SUNDAY)));
        deliveries.event(defined(NIGHT, "Night", "20:00", 12, EnumSet.allOf(DayOfWeek.class)));
        assign(NIGHT, "2026-06-09", ALICE);
        assign(WEEKEND, "2026-06-06", ALICE);
        assign(DAY, "2026-06-03", ALICE);
        assign(DAY, "2026-06-04", BOB);
        assign(DAY, "2026-06-30", ALICE);
        assign(DAY, "2026-06-05", ALICE);
        unassign(DAY, "2026-06-05");
        deliveries.event(new MemberChangedEvent(ALICE, GROUP, "Alice B.", "+13125550101", MemberRole.ADMIN,
                "Alice", "+13125550101", MemberRole.MEMBER));

        MemberScheduleResponse schedule = schedule(GROUP, ALICE, "2026-06-01", "2026-06-29");

        assertThat(schedule.memberId()).isEqualTo(ALICE);
        assertThat(schedule.name()).isEqualTo("Alice B.");
        assertThat(schedule.slots()).extracting(CalendarSlot::shiftTypeName, CalendarSlot::date)
                .containsExactly(
                        tuple("Day", LocalDate.parse("2026-06-03")),
                        tuple("Weekend", LocalDate.parse("2026-06-06")),
                        tuple("Night", LocalDate.parse("2026-06-09")));
        assertThat(schedule.slots()).allSatisfy(slot -> assertThat(slot.assignee()).isEqualTo(new Assignee(ALICE, "Alice B.", true)));
    }

    @Test
    void aDeactivatedMemberStillShowsOnTheirSlotsButIsNotReachable() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-04", BOB);
        deliveries.event(new MemberDeactivatedEvent(BOB, GROUP));

        assertThat(slot(calendar(GROUP, "2026-06-04", "2026-06-04"), DAY, "2026-06-04").assignee())
                .isEqualTo(new Assignee(BOB, "Bob", false));
        assertThat(schedule(GROUP, BOB, "2026-06-01", "2026-06-07").slots()).hasSize(1);
    }

    @Test
    void aMemberWhoseNumberOptedOutOfSmsStillHoldsTheirSlotsButIsNotReachable() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-04", BOB);
        deliveries.event(new MemberOptedOutOfSmsEvent(BOB, GROUP, "STOP"));

        assertThat(slot(calendar(GROUP, "2026-06-04", "2026-06-04"), DAY, "2026-06-04").assignee())
                .isEqualTo(new Assignee(BOB, "Bob", false));
        assertThat(schedule(GROUP, BOB, "2026-06-01", "2026-06-07").slots())
                .extracting(CalendarSlot::assignee).containsExactly(new Assignee(BOB, "Bob", false));
        assertThat(onCall("2026-06-04T09:00:00-05:00").onCall()).extracting(CalendarSlot::assignee)
                .containsExactly(new Assignee(BOB, "Bob", false));
    }

    @Test
    void aMemberWhoOptsBackInToSmsIsReachableAgain() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-04", BOB);
        deliveries.event(new MemberOptedOutOfSmsEvent(BOB, GROUP, "STOP"));
        deliveries.event(new MemberOptedInToSmsEvent(BOB, GROUP, "START"));

        assertThat(slot(calendar(GROUP, "2026-06-04", "2026-06-04"), DAY, "2026-06-04").assignee())
                .isEqualTo(new Assignee(BOB, "Bob", true));
    }

    @Test
    void aDeactivatedMemberWhoOptsBackInToSmsIsStillNotReachable() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-04", BOB);
        deliveries.event(new MemberOptedOutOfSmsEvent(BOB, GROUP, "STOP"));
        deliveries.event(new MemberDeactivatedEvent(BOB, GROUP));
        deliveries.event(new MemberOptedInToSmsEvent(BOB, GROUP, "START"));

        assertThat(slot(calendar(GROUP, "2026-06-04", "2026-06-04"), DAY, "2026-06-04").assignee())
                .isEqualTo(new Assignee(BOB, "Bob", false));
    }

    @Test
    void anOptOutChangesOnlyThatMembersReachability() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-03", ALICE);
        assign(DAY, "2026-06-04", BOB);
        deliveries.event(new MemberOptedOutOfSmsEvent(BOB, GROUP, "STOP"));

        assertThat(slot(calendar(GROUP, "2026-06-03", "2026-06-03"), DAY, "2026-06-03").assignee())
                .isEqualTo(new Assignee(ALICE, "Alice", true));
    }

    @Test
    void theScheduleOfAMemberOfAnotherGroupIsMemberNotFound() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(created(OTHER_GROUP, ZoneId.of("Europe/Berlin")));
        deliveries.event(new MemberAddedEvent(CAROL, OTHER_GROUP, "Carol", "+493012345678", MemberRole.MEMBER));

        assertThatThrownBy(() -> schedule(GROUP, CAROL, "2026-06-01", "2026-06-07"))
                .isInstanceOfSatisfying(RotaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEMBER_NOT_FOUND));
        assertThat(schedule(OTHER_GROUP, CAROL, "2026-06-01", "2026-06-07").name()).isEqualTo("Carol");
    }

    // ---- swaps

    @Test
    void bothSlotsOfAPendingTradeAreSwapPendingWithTheSwapsIdAndAssignedAgainOnceItCompletes() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-03", ALICE);
        assign(DAY, "2026-06-04", BOB);
        assign(DAY, "2026-06-05", ALICE);
        SwapProposedEvent proposal = trade(SWAP, DAY, "2026-06-03", ALICE, DAY, "2026-06-04", BOB);

        deliveries.event(proposal);

        CalendarResponse pending = calendar(GROUP, "2026-06-01", "2026-06-05");
        assertThat(pending.slots()).extracting(CalendarSlot::date, CalendarSlot::status, CalendarSlot::swapId)
                .containsExactly(
                        tuple(LocalDate.parse("2026-06-01"), SlotStatus.OPEN, null),
                        tuple(LocalDate.parse("2026-06-02"), SlotStatus.OPEN, null),
                        tuple(LocalDate.parse("2026-06-03"), SlotStatus.SWAP_PENDING, SWAP),
                        tuple(LocalDate.parse("2026-06-04"), SlotStatus.SWAP_PENDING, SWAP),
                        tuple(LocalDate.parse("2026-06-05"), SlotStatus.ASSIGNED, null));
        assertThat(pending.slots()).allSatisfy(slot -> assertThat(slot.coverageRequestId()).isNull());

        deliveries.event(new SwapCompletedEvent(SWAP, GROUP, SwapKind.TRADE, ALICE, BOB, proposal.fromSlot(), proposal.toSlot()));
        assign(DAY, "2026-06-03", BOB);
        assign(DAY, "2026-06-04", ALICE);

        CalendarResponse done = calendar(GROUP, "2026-06-03", "2026-06-04");
        assertThat(done.slots()).extracting(CalendarSlot::status, CalendarSlot::swapId, slot -> slot.assignee().memberId())
                .containsExactly(tuple(SlotStatus.ASSIGNED, null, BOB), tuple(SlotStatus.ASSIGNED, null, ALICE));
    }

    @Test
    void everyWayAPendingSwapEndsFreesItsSlot() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-03", ALICE);
        List<Function<SwapId, Object>> endings = List.of(
                swap -> new SwapDeclinedEvent(swap, GROUP, ALICE, BOB, null),
                swap -> new SwapCancelledEvent(swap, GROUP, ALICE, BOB, null),
                swap -> new SwapRejectedEvent(swap, GROUP, ALICE, BOB, null),
                swap -> new SwapExpiredEvent(swap, GROUP, ALICE, BOB),
                swap -> new SwapFailedEvent(swap, GROUP, ALICE, BOB, "Bob would be double-booked"),
                swap -> new SwapCompletedEvent(swap, GROUP, SwapKind.GIVE_AWAY, ALICE, BOB,
                        new SlotKey(DAY, LocalDate.parse("2026-06-03")), null));
        int n = 0;
        for (Function<SwapId, Object> ending : endings) {
            SwapId swap = id(SwapId::new, "e" + ++n);
            deliver(new Delivery(giveAway(swap, DAY, "2026-06-03", ALICE, BOB), 0));
            assertThat(slot(calendar(GROUP, "2026-06-03", "2026-06-03"), DAY, "2026-06-03").swapId()).isEqualTo(swap);

            Object ended = ending.apply(swap);
            deliver(new Delivery(ended, 1));

            CalendarSlot slot = slot(calendar(GROUP, "2026-06-03", "2026-06-03"), DAY, "2026-06-03");
            assertThat(slot.status()).as(ended.getClass().getSimpleName()).isEqualTo(SlotStatus.ASSIGNED);
            assertThat(slot.swapId()).as(ended.getClass().getSimpleName()).isNull();
        }
    }

    @Test
    void aMembersScheduleShowsTheirSlotInAPendingGiveAway() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-03", ALICE);
        assign(DAY, "2026-06-04", ALICE);

        deliveries.event(giveAway(SWAP, DAY, "2026-06-04", ALICE, BOB));

        assertThat(schedule(GROUP, ALICE, "2026-06-01", "2026-06-07").slots())
                .extracting(CalendarSlot::date, CalendarSlot::status, CalendarSlot::swapId)
                .containsExactly(
                        tuple(LocalDate.parse("2026-06-03"), SlotStatus.ASSIGNED, null),
                        tuple(LocalDate.parse("2026-06-04"), SlotStatus.SWAP_PENDING, SWAP));
    }

    // ---- coverage requests

    @Test
    void aSlotInAPendingCoverageRequestIsCoverageRequestedWithItsIdAndAssignedToTheClaimantOnceCovered() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-03", ALICE);
        assign(DAY, "2026-06-04", ALICE);

        deliveries.event(coverageRequested(REQUEST, DAY, "2026-06-03", ALICE));

        CalendarResponse pending = calendar(GROUP, "2026-06-03", "2026-06-04");
        assertThat(pending.slots()).extracting(CalendarSlot::date, CalendarSlot::status, CalendarSlot::coverageRequestId,
                        slot -> slot.assignee().memberId())
                .containsExactly(
                        tuple(LocalDate.parse("2026-06-03"), SlotStatus.COVERAGE_REQUESTED, REQUEST, ALICE),
                        tuple(LocalDate.parse("2026-06-04"), SlotStatus.ASSIGNED, null, ALICE));
        assertThat(schedule(GROUP, ALICE, "2026-06-03", "2026-06-03").slots()).singleElement()
                .satisfies(slot -> assertThat(slot.status()).isEqualTo(SlotStatus.COVERAGE_REQUESTED));

        deliveries.event(new CoverageCoveredEvent(REQUEST, GROUP, new SlotKey(DAY, LocalDate.parse("2026-06-03")), ALICE, BOB));
        assign(DAY, "2026-06-03", BOB);

        CalendarSlot covered = slot(calendar(GROUP, "2026-06-03", "2026-06-03"), DAY, "2026-06-03");
        assertThat(covered.status()).isEqualTo(SlotStatus.ASSIGNED);
        assertThat(covered.coverageRequestId()).isNull();
        assertThat(covered.assignee().memberId()).isEqualTo(BOB);
        assertThat(covered.version()).isEqualTo(2);
    }

    @Test
    void everyWayACoverageRequestEndsFreesItsSlot() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-03", ALICE);
        SlotKey slot = new SlotKey(DAY, LocalDate.parse("2026-06-03"));
        List<Function<CoverageRequestId, Object>> endings = List.of(
                request -> new CoverageCancelledEvent(request, GROUP, slot, ALICE, null),
                request -> new CoverageUnfilledEvent(request, GROUP, slot, ALICE),
                request -> new CoverageCoveredEvent(request, GROUP, slot, ALICE, ALICE));
        int n = 0;
        for (Function<CoverageRequestId, Object> ending : endings) {
            CoverageRequestId request = id(CoverageRequestId::new, "e" + ++n);
            deliver(new Delivery(coverageRequested(request, DAY, "2026-06-03", ALICE), 0));
            assertThat(slot(calendar(GROUP, "2026-06-03", "2026-06-03"), DAY, "2026-06-03").coverageRequestId()).isEqualTo(request);

            Object ended = ending.apply(request);
            deliver(new Delivery(ended, 1));

            CalendarSlot read = slot(calendar(GROUP, "2026-06-03", "2026-06-03"), DAY, "2026-06-03");
            assertThat(read.status()).as(ended.getClass().getSimpleName()).isEqualTo(SlotStatus.ASSIGNED);
            assertThat(read.coverageRequestId()).as(ended.getClass().getSimpleName()).isNull();
            assertThat(read.version()).as(ended.getClass().getSimpleName()).isEqualTo(1);
        }
    }

    @Test
    void anOpenShiftOnANeverAssignedSlotIsCoverageRequestedUntilItsShiftStartsThenAGap() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));

        deliveries.event(coverageRequested(REQUEST, DAY, "2026-06-03", null));

        CalendarResponse week = calendar(GROUP, "2026-06-02", "2026-06-04");
        assertThat(week.slots()).extracting(CalendarSlot::date, CalendarSlot::status, CalendarSlot::coverageRequestId,
                        CalendarSlot::assignee, CalendarSlot::version)
                .containsExactly(
                        tuple(LocalDate.parse("2026-06-02"), SlotStatus.OPEN, null, null, 0L),
                        tuple(LocalDate.parse("2026-06-03"), SlotStatus.COVERAGE_REQUESTED, REQUEST, null, 0L),
                        tuple(LocalDate.parse("2026-06-04"), SlotStatus.OPEN, null, null, 0L));
        assertThat(schedule(GROUP, ALICE, "2026-06-01", "2026-06-07").slots()).as("nobody's slot").isEmpty();

        projection = new CalendarProjection(new CalendarStore(jdbc),
                Clock.fixed(OffsetDateTime.parse("2026-06-03T08:00:00-05:00").toInstant(), ZoneOffset.UTC));
        CalendarSlot started = slot(calendar(GROUP, "2026-06-03", "2026-06-03"), DAY, "2026-06-03");
        assertThat(started.status()).as("started with nobody assigned, before UNFILLED lands").isEqualTo(SlotStatus.GAP);
        assertThat(started.coverageRequestId()).as("still pending until UNFILLED").isEqualTo(REQUEST);

        deliveries.event(new CoverageUnfilledEvent(REQUEST, GROUP, new SlotKey(DAY, LocalDate.parse("2026-06-03")), null));
        CalendarSlot unfilled = slot(calendar(GROUP, "2026-06-03", "2026-06-03"), DAY, "2026-06-03");
        assertThat(unfilled.status()).isEqualTo(SlotStatus.GAP);
        assertThat(unfilled.coverageRequestId()).isNull();
    }

    @Test
    void anOpenShiftCoveredByAClaimantIsAssignedToThem() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-03", ALICE);
        unassign(DAY, "2026-06-03");

        deliveries.event(coverageRequested(REQUEST, DAY, "2026-06-03", null));
        CalendarSlot requested = slot(calendar(GROUP, "2026-06-03", "2026-06-03"), DAY, "2026-06-03");
        assertThat(requested.status()).isEqualTo(SlotStatus.COVERAGE_REQUESTED);
        assertThat(requested.version()).as("an existing row keeps its version").isEqualTo(2);

        deliveries.event(new CoverageCoveredEvent(REQUEST, GROUP, new SlotKey(DAY, LocalDate.parse("2026-06-03")), null, BOB));
        assign(DAY, "2026-06-03", BOB);

        CalendarSlot covered = slot(calendar(GROUP, "2026-06-03", "2026-06-03"), DAY, "2026-06-03");
        assertThat(covered.status()).isEqualTo(SlotStatus.ASSIGNED);
        assertThat(covered.assignee().memberId()).isEqualTo(BOB);
        assertThat(covered.coverageRequestId()).isNull();
        assertThat(covered.version()).isEqualTo(3);
    }

    // ---- gaps

    @Test
    void anUnassignedSlotIsAGapFromTheMomentItsShiftStartsAndOpenBefore() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        assign(DAY, "2026-06-02", ALICE);
        projection = new CalendarProjection(new CalendarStore(jdbc),
                Clock.fixed(OffsetDateTime.parse("2026-06-03T08:00:00-05:00").toInstant(), ZoneOffset.UTC));

        CalendarResponse week = calendar(GROUP, "2026-06-01", "2026-06-04");

        assertThat(week.slots()).extracting(CalendarSlot::date, CalendarSlot::status)
                .containsExactly(
                        tuple(LocalDate.parse("2026-06-01"), SlotStatus.GAP),
                        tuple(LocalDate.parse("2026-06-02"), SlotStatus.ASSIGNED),
                        tuple(LocalDate.parse("2026-06-03"), SlotStatus.GAP),
                        tuple(LocalDate.parse("2026-06-04"), SlotStatus.OPEN));
        assertThat(onCall("2026-06-03T09:00:00-05:00").onCall()).singleElement()
                .satisfies(slot -> assertThat(slot.status()).isEqualTo(SlotStatus.GAP));
    }

    @Test
    void aFutureUnassignedSlotIsOpen() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        projection = new CalendarProjection(new CalendarStore(jdbc),
                Clock.fixed(OffsetDateTime.parse("2026-06-03T07:59:59-05:00").toInstant(), ZoneOffset.UTC));

        CalendarSlot slot = slot(calendar(GROUP, "2026-06-03", "2026-06-03"), DAY, "2026-06-03");

        assertThat(slot.status()).isEqualTo(SlotStatus.OPEN);
        assertThat(slot.swapId()).isNull();
        assertThat(slot.coverageRequestId()).isNull();
    }

    // ---- replay

    @Test
    void handlingEveryEventTwiceGivesTheSameAnswersAsHandlingItOnce() {
        List<Delivery> history = history();
        history.forEach(this::deliver);
        Answers once = answers();

        projection.reset();
        deliveries = new Deliveries(projection, RECORDING_STARTS);
        history.forEach(delivery -> {
            deliver(delivery);
            deliver(delivery);
        });

        assertThat(answers()).isEqualTo(once);
    }

    @Test
    void resetThenHandlingTheEventsAgainGivesTheSameAnswers() {
        List<Delivery> history = history();
        history.forEach(this::deliver);
        Answers before = answers();

        projection.reset();
        deliveries = new Deliveries(projection, RECORDING_STARTS);

        assertGroupNotFound(() -> calendar(GROUP, "2026-06-01", "2026-06-30"));
        for (String table : List.of("calendar_group", "shift_type_view", "member_view", "slot_view")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isZero();
        }

        history.forEach(this::deliver);

        assertThat(answers()).isEqualTo(before);
    }

    /** A group's history with every kind of event the calendar handles, each with its aggregate sequence number. */
    private List<Delivery> history() {
        List<Delivery> history = new ArrayList<>();
        history.add(new Delivery(created(GROUP, CHICAGO), 0));
        history.add(new Delivery(new MemberAddedEvent(ALICE, GROUP, "Alice", "+13125550101", MemberRole.MEMBER), 0));
        history.add(new Delivery(new MemberAddedEvent(BOB, GROUP, "Bob", "+13125550102", MemberRole.MEMBER), 0));
        history.add(new Delivery(defined(DAY, "Day", "08:00", 8, WEEKDAYS), 0));
        history.add(new Delivery(defined(NIGHT, "Night", "20:00", 12, EnumSet.allOf(DayOfWeek.class)), 0));
        history.add(new Delivery(assigned(DAY, "2026-06-03", ALICE), 0));
        history.add(new Delivery(assigned(NIGHT, "2026-06-09", BOB), 0));
        history.add(new Delivery(assigned(NIGHT, "2026-06-09", ALICE), 1));
        history.add(new Delivery(assigned(NIGHT, "2026-06-10", BOB), 0));
        history.add(new Delivery(new SlotUnassignedEvent(new SlotKey(NIGHT, LocalDate.parse("2026-06-10")), GROUP, BOB, null), 1));
        history.add(new Delivery(new ShiftTypeChangedEvent(DAY, GROUP, "Weekday", EnumSet.of(MONDAY, WEDNESDAY)), 1));
        history.add(new Delivery(new MemberChangedEvent(ALICE, GROUP, "Alice B.", "+13125550101", MemberRole.ADMIN,
                "Alice", "+13125550101", MemberRole.MEMBER), 1));
        history.add(new Delivery(new MemberOptedOutOfSmsEvent(ALICE, GROUP, "STOP"), 2));
        history.add(new Delivery(new MemberOptedInToSmsEvent(ALICE, GROUP, "START"), 3));
        history.add(new Delivery(new MemberOptedOutOfSmsEvent(ALICE, GROUP, "STOP"), 4));
        history.add(new Delivery(new MemberDeactivatedEvent(BOB, GROUP), 1));
        history.add(new Delivery(new ShiftTypeRetiredEvent(NIGHT, GROUP), 1));
        history.add(new Delivery(giveAway(id(SwapId::new, "d2"), NIGHT, "2026-06-09", ALICE, BOB), 0));
        history.add(new Delivery(new SwapCancelledEvent(id(SwapId::new, "d2"), GROUP, ALICE, BOB, null), 1));
        history.add(new Delivery(giveAway(SWAP, DAY, "2026-06-03", ALICE, BOB), 0));
        CoverageRequestId covered = id(CoverageRequestId::new, "f2");
        history.add(new Delivery(coverageRequested(covered, NIGHT, "2026-06-09", ALICE), 0));
        history.add(new Delivery(new CoverageCoveredEvent(covered, GROUP, new SlotKey(NIGHT, LocalDate.parse("2026-06-09")),
                ALICE, BOB), 2));
        history.add(new Delivery(coverageRequested(REQUEST, DAY, "2026-06-08", null), 0));
        history.add(new Delivery(coverageRequested(id(CoverageRequestId::new, "f3"), DAY, "2026-06-10", null), 0));
        history.add(new Delivery(new CoverageCancelledEvent(id(CoverageRequestId::new, "f3"), GROUP,
                new SlotKey(DAY, LocalDate.parse("2026-06-10")), null, null), 1));
        return history;
    }

    private record Delivery(Object event, long sequence) {
    }

    private record Answers(CalendarResponse calendar, OnCallResponse onCall, MemberScheduleResponse schedule) {
    }

    private Answers answers() {
        return new Answers(calendar(GROUP, "2026-06-01", "2026-06-30"), onCall("2026-06-10T03:00:00-05:00"),
                schedule(GROUP, ALICE, "2026-06-01", "2026-06-30"));
    }

    /** What Axon does: the handler for the event's type, slot events at their sequence numbers. */
    private void deliver(Delivery delivery) {
        Object event = delivery.event();
        if (event instanceof SlotAssignedEvent e) {
            deliveries.domainEvent("SlotAggregate", e.slot().toString(), delivery.sequence(), e);
        } else if (event instanceof SlotUnassignedEvent e) {
            deliveries.domainEvent("SlotAggregate", e.slot().toString(), delivery.sequence(), e);
        } else {
            deliveries.event(event);
        }
    }

    // ---- as recorded at an instant

    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    /** A projection whose clock reads mid-2027, fed a history recorded in March 2027. */
    private void recordedInMarch2027() {
        projection = new CalendarProjection(new CalendarStore(jdbc), Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"), ZoneOffset.UTC));
        deliveries = new Deliveries(projection, Instant.parse("2027-03-01T12:00:00Z"));
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(PRIMARY, "Primary", "08:00", 24, EVERY_DAY));
    }

    @Test
    void asOfAnInstantEachSlotIsAsItsLatestChangeAtOrBeforeItLeftItAcrossADstWeekAndAMonthEnd() {
        recordedInMarch2027();
        deliveries.recordAt(Instant.parse("2027-03-02T10:00:00Z"));
        assign(PRIMARY, "2027-03-13", ALICE);
        assign(PRIMARY, "2027-03-14", ALICE);
        assign(PRIMARY, "2027-03-31", ALICE);
        Instant firstPlan = Instant.parse("2027-03-02T11:00:00Z");
        deliveries.recordAt(Instant.parse("2027-03-05T10:00:00Z"));
        assign(PRIMARY, "2027-03-14", BOB);
        Instant correction = Instant.parse("2027-03-05T10:00:00Z");
        deliveries.recordAt(Instant.parse("2027-03-20T10:00:00Z"));
        unassign(PRIMARY, "2027-03-31");
        deliveries.event(new MemberChangedEvent(ALICE, GROUP, "Alice B.", "+13125550101", MemberRole.MEMBER, "Alice", "+13125550101", MemberRole.MEMBER));

        CalendarResponse then = asOf("2027-03-10", "2027-04-01", firstPlan);
        assertThat(then.asOf()).hasToString("2027-03-02T05:00-06:00");
        assertThat(slot(then, PRIMARY, "2027-03-14").assignee()).isEqualTo(new Assignee(ALICE, "Alice", true));
        assertThat(slot(then, PRIMARY, "2027-03-14").version()).isEqualTo(1);
        assertThat(slot(then, PRIMARY, "2027-03-13").realHours()).as("over the spring-forward night").isEqualTo(23.0);
        assertThat(slot(then, PRIMARY, "2027-03-31").assignee().memberId()).isEqualTo(ALICE);
        assertThat(slot(then, PRIMARY, "2027-03-31").end()).as("ends in April").hasToString("2027-04-01T08:00-05:00");

        CalendarResponse atTheCorrection = asOf("2027-03-10", "2027-04-01", correction);
        assertThat(slot(atTheCorrection, PRIMARY, "2027-03-14").assignee().memberId()).as("an event recorded at the instant counts")
                .isEqualTo(BOB);
        assertThat(slot(atTheCorrection, PRIMARY, "2027-03-14").version()).isEqualTo(2);
        assertThat(slot(atTheCorrection, PRIMARY, "2027-03-31").status()).isEqualTo(SlotStatus.ASSIGNED);

        CalendarResponse now = calendar(GROUP, "2027-03-10", "2027-04-01");
        assertThat(now.asOf()).isNull();
        assertThat(slot(now, PRIMARY, "2027-03-31").assignee()).isNull();
        assertThat(slot(now, PRIMARY, "2027-03-31").version()).isEqualTo(2);
        assertThat(slot(now, PRIMARY, "2027-03-13").assignee().name()).isEqualTo("Alice B.");
        assertThat(slot(asOf("2027-03-10", "2027-04-01", correction), PRIMARY, "2027-03-13").assignee().name())
                .as("names as then recorded").isEqualTo("Alice");
    }

    @Test
    void theSameInstantAlwaysGivesTheSameAnswerWhateverIsRecordedLater() {
        recordedInMarch2027();
        deliveries.recordAt(Instant.parse("2027-03-02T10:00:00Z"));
        assign(PRIMARY, "2027-03-14", ALICE);
        Instant instant = Instant.parse("2027-03-03T00:00:00Z");
        CalendarResponse first = asOf("2027-03-01", "2027-03-31", instant);

        deliveries.recordAt(Instant.parse("2027-03-04T10:00:00Z"));
        assign(PRIMARY, "2027-03-14", BOB);
        assign(PRIMARY, "2027-03-15", BOB);
        deliveries.event(new ShiftTypeChangedEvent(PRIMARY, GROUP, "Renamed", EnumSet.of(MONDAY)));
        deliveries.event(new MemberDeactivatedEvent(ALICE, GROUP));

        assertThat(asOf("2027-03-01", "2027-03-31", instant)).isEqualTo(first);
        assertThat(first.slots()).hasSize(31);
    }

    @Test
    void statusesAreAsThenKnownAPendingSwapIsPendingAndAnUnstaffedStartedShiftIsAGapOnlyFromItsStart() {
        recordedInMarch2027();
        deliveries.recordAt(Instant.parse("2027-03-02T10:00:00Z"));
        assign(PRIMARY, "2027-03-14", ALICE);
        assign(PRIMARY, "2027-03-15", BOB);
        SwapProposedEvent proposal = trade(SWAP, PRIMARY, "2027-03-14", ALICE, PRIMARY, "2027-03-15", BOB);
        deliveries.recordAt(Instant.parse("2027-03-03T10:00:00Z"));
        deliveries.event(proposal);
        deliveries.recordAt(Instant.parse("2027-03-04T10:00:00Z"));
        deliveries.event(new SwapCompletedEvent(SWAP, GROUP, SwapKind.TRADE, ALICE, BOB, proposal.fromSlot(), proposal.toSlot()));

        CalendarResponse duringTheSwap = asOf("2027-03-14", "2027-03-15", Instant.parse("2027-03-03T12:00:00Z"));
        assertThat(duringTheSwap.slots()).extracting(CalendarSlot::status, CalendarSlot::swapId)
                .containsExactly(tuple(SlotStatus.SWAP_PENDING, SWAP), tuple(SlotStatus.SWAP_PENDING, SWAP));
        assertThat(asOf("2027-03-14", "2027-03-15", Instant.parse("2027-03-04T12:00:00Z")).slots())
                .extracting(CalendarSlot::status).containsOnly(SlotStatus.ASSIGNED);

        CalendarSlot beforeItsStart = slot(asOf("2027-03-16", "2027-03-16", Instant.parse("2027-03-16T12:00:00Z")), PRIMARY, "2027-03-16");
        CalendarSlot afterItsStart = slot(asOf("2027-03-16", "2027-03-16", Instant.parse("2027-03-16T13:00:00Z")), PRIMARY, "2027-03-16");
        assertThat(beforeItsStart.status()).as("08:00 CDT is 13:00Z").isEqualTo(SlotStatus.OPEN);
        assertThat(afterItsStart.status()).isEqualTo(SlotStatus.GAP);
    }

    @Test
    void beforeAShiftTypeWasDefinedTheCalendarAsOfThenHasNoSlotsOfIt() {
        recordedInMarch2027();

        assertThat(asOf("2027-03-01", "2027-03-31", Instant.parse("2027-03-01T11:59:00Z")).slots()).isEmpty();
        assertThat(asOf("2027-03-01", "2027-03-31", Instant.parse("2027-03-01T12:00:03Z")).slots()).hasSize(31);
    }

    @Test
    void onCallAsOfAnInstantNamesWhoWasScheduledThenForTheMomentAsked() {
        recordedInMarch2027();
        deliveries.recordAt(Instant.parse("2027-03-02T10:00:00Z"));
        assign(PRIMARY, "2027-03-13", ALICE);
        deliveries.recordAt(Instant.parse("2027-03-05T10:00:00Z"));
        assign(PRIMARY, "2027-03-13", BOB);
        Instant threeAmOnTheDstNight = OffsetDateTime.parse("2027-03-14T03:00:00-05:00").toInstant();

        OnCallResponse asPlanned = projection.handle(new FindOnCallQuery(GROUP, threeAmOnTheDstNight, Instant.parse("2027-03-03T00:00:00Z")));
        OnCallResponse asCorrected = projection.handle(new FindOnCallQuery(GROUP, threeAmOnTheDstNight, null));

        assertThat(asPlanned.onCall()).extracting(slot -> slot.assignee().memberId()).containsExactly(ALICE);
        assertThat(asPlanned.asOf()).hasToString("2027-03-02T18:00-06:00");
        assertThat(asCorrected.onCall()).extracting(slot -> slot.assignee().memberId()).containsExactly(BOB);
        assertThat(asCorrected.asOf()).isNull();
    }

    @Test
    void anAsOfInstantInTheFutureOrOutsideTheYearsRotaAcceptsIsRefused() {
        recordedInMarch2027();

        assertThatThrownBy(() -> asOf("2027-03-01", "2027-03-31", Instant.parse("2027-06-01T00:00:01Z")))
                .isInstanceOfSatisfying(RotaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AS_OF_IN_FUTURE);
                    assertThat(e.field()).isEqualTo("asOf");
                });
        assertThatThrownBy(() -> asOf("2027-03-01", "2027-03-31", Instant.parse("1000-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(RotaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATE_OUT_OF_RANGE));
    }

    @Test
    void anEventCommittedLateAtALowerPositionIsStreamedAfterTheOnesRecordedBeforeItNotJumpedOver() {
        chicagoGroupWithAliceAndBob();
        deliveries.event(defined(DAY, "Day", "08:00", 8, WEEKDAYS));
        CalendarStore store = new CalendarStore(jdbc);
        long before = store.lastSlotChange();
        SlotAssignedEvent first = assigned(DAY, "2026-06-01", ALICE);
        SlotAssignedEvent late = assigned(DAY, "2026-06-02", BOB);
        Instant at = Instant.parse("2025-12-02T00:00:00Z");

        projection.on(first, 0, new GlobalSequenceTrackingToken(before + 10), at);
        List<CalendarStore.SlotChange> sentFirst = store.slotChangesAfter(GROUP, before, 200);
        projection.on(late, 0, new GlobalSequenceTrackingToken(before + 8), at);
        List<CalendarStore.SlotChange> afterTheFirst = store.slotChangesAfter(GROUP, before + 10, 200);

        assertThat(sentFirst).extracting(CalendarStore.SlotChange::position).containsExactly(before + 10);
        assertThat(afterTheFirst).extracting(CalendarStore.SlotChange::position).containsExactly(before + 8);
        assertThat(afterTheFirst.get(0).slot().memberId()).isEqualTo(BOB);
        assertThat(store.slotChangesAfter(GROUP, before + 8, 200)).as("nothing after the late one").isEmpty();
    }

    private CalendarResponse asOf(String from, String to, Instant asOf) {
        return projection.handle(new FindCalendarQuery(GROUP, LocalDate.parse(from), LocalDate.parse(to), asOf));
    }

    // ---- fixtures

    private void chicagoGroupWithAliceAndBob() {
        deliveries.event(created(GROUP, CHICAGO));
        deliveries.event(new MemberAddedEvent(ALICE, GROUP, "Alice", "+13125550101", MemberRole.MEMBER));
        deliveries.event(new MemberAddedEvent(BOB, GROUP, "Bob", "+13125550102", MemberRole.MEMBER));
    }

    private static GroupCreatedEvent created(GroupId group, ZoneId zone) {
        return new GroupCreatedEvent(group, "Group " + group, zone, GroupSettings.defaults());
    }

    private ShiftTypeDefinedEvent defined(ShiftTypeId id, String name, String start, int hours, Set<DayOfWeek> days) {
        timings.put(id, new ShiftTiming(LocalTime.parse(start), hours));
        return new ShiftTypeDefinedEvent(id, GROUP, name, LocalTime.parse(start), hours, days);
    }

    /** A slot event as the slot aggregate would publish it: its real interval, and the next number of its stream. */
    private SlotAssignedEvent assigned(ShiftTypeId type, String date, MemberId member) {
        SlotKey slot = new SlotKey(type, LocalDate.parse(date));
        SlotInterval interval = timings.get(type).intervalOn(slot.date(), CHICAGO);
        return new SlotAssignedEvent(slot, GROUP, member, null, null, interval.startInstant(), interval.endInstant());
    }

    private void assign(ShiftTypeId type, String date, MemberId member) {
        SlotAssignedEvent event = assigned(type, date, member);
        deliveries.domainEvent("SlotAggregate", event.slot().toString(), nextSequence(event.slot()), event);
    }

    private void unassign(ShiftTypeId type, String date) {
        SlotKey slot = new SlotKey(type, LocalDate.parse(date));
        deliveries.domainEvent("SlotAggregate", slot.toString(), nextSequence(slot), new SlotUnassignedEvent(slot, GROUP, null, null));
    }

    private long nextSequence(SlotKey slot) {
        long sequence = slotSequences.getOrDefault(slot, 0L);
        slotSequences.put(slot, sequence + 1);
        return sequence;
    }

    /** A trade as the swap aggregate records it: both slots with their real intervals. */
    private SwapProposedEvent trade(SwapId swap, ShiftTypeId fromType, String fromDate, MemberId proposer,
                                    ShiftTypeId toType, String toDate, MemberId counterpart) {
        SlotKey from = new SlotKey(fromType, LocalDate.parse(fromDate));
        SlotKey to = new SlotKey(toType, LocalDate.parse(toDate));
        SlotInterval fromInterval = timings.get(fromType).intervalOn(from.date(), CHICAGO);
        SlotInterval toInterval = timings.get(toType).intervalOn(to.date(), CHICAGO);
        return new SwapProposedEvent(swap, GROUP, SwapKind.TRADE, proposer, counterpart,
                from, fromInterval.startInstant(), fromInterval.endInstant(), to, toInterval.startInstant(), toInterval.endInstant(),
                null, fromInterval.startInstant());
    }

    private SwapProposedEvent giveAway(SwapId swap, ShiftTypeId type, String date, MemberId proposer, MemberId counterpart) {
        SlotKey slot = new SlotKey(type, LocalDate.parse(date));
        SlotInterval interval = timings.get(type).intervalOn(slot.date(), CHICAGO);
        return new SwapProposedEvent(swap, GROUP, SwapKind.GIVE_AWAY, proposer, counterpart,
                slot, interval.startInstant(), interval.endInstant(), null, null, null, null, interval.startInstant());
    }

    /** A request as the request aggregate records it: the slot's real interval; a null requester is an open shift. */
    private CoverageRequestedEvent coverageRequested(CoverageRequestId request, ShiftTypeId type, String date, MemberId requester) {
        SlotKey slot = new SlotKey(type, LocalDate.parse(date));
        SlotInterval interval = timings.get(type).intervalOn(slot.date(), CHICAGO);
        return new CoverageRequestedEvent(request, GROUP, slot, interval.startInstant(), interval.endInstant(), requester,
                List.of(BOB), null, interval.startInstant());
    }

    private CalendarResponse calendar(GroupId group, String from, String to) {
        return projection.handle(new FindCalendarQuery(group, LocalDate.parse(from), LocalDate.parse(to)));
    }

    private OnCallResponse onCall(String at) {
        return projection.handle(new FindOnCallQuery(GROUP, OffsetDateTime.parse(at).toInstant()));
    }

    private MemberScheduleResponse schedule(GroupId group, MemberId member, String from, String to) {
        return projection.handle(new FindMemberScheduleQuery(group, member, LocalDate.parse(from), LocalDate.parse(to)));
    }

    private static CalendarSlot slot(CalendarResponse calendar, ShiftTypeId type, String date) {
        return calendar.slots().stream()
                .filter(slot -> slot.shiftTypeId().equals(type) && slot.date().equals(LocalDate.parse(date)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no slot of " + type + " on " + date + " in " + calendar.slots()));
    }

    private static void assertGroupNotFound(Runnable read) {
        assertThatThrownBy(read::run)
                .isInstanceOfSatisfying(RotaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GROUP_NOT_FOUND));
    }

    private static <T> T id(Function<UUID, T> type, String suffix) {
        return type.apply(UUID.fromString("00000000-0000-0000-0000-0000000000" + suffix));
    }
}
