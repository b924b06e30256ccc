package app.rota.query.report;

import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.report.FairnessReport;
import app.rota.kernel.report.FairnessSpread;
import app.rota.kernel.report.FindFairnessReportQuery;
import app.rota.kernel.report.MemberFairness;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.swap.SwapCompletedEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapKind;
import app.rota.query.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reports projection as a plain object on a real PostgreSQL: events go in through its event handlers, the
 * fairness report comes out of its query handler.
 */
class FairnessReportProjectionTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final GroupId GROUP = id(GroupId::new, "a1");
    private static final GroupId OTHER_GROUP = id(GroupId::new, "a2");
    private static final ShiftTypeId PRIMARY = id(ShiftTypeId::new, "c1");
    private static final ShiftTypeId NIGHT = id(ShiftTypeId::new, "c2");
    private static final ShiftTypeId EARLY = id(ShiftTypeId::new, "c3");
    private static final ShiftTypeId EVENING = id(ShiftTypeId::new, "c4");
    private static final ShiftTypeId ELSEWHERE = id(ShiftTypeId::new, "c9");
    private static final MemberId ALICE = id(MemberId::new, "b1");
    private static final MemberId BOB = id(MemberId::new, "b2");
    private static final MemberId CAROL = id(MemberId::new, "b3");
    private static final MemberId DAVE = id(MemberId::new, "b4");
    private static final MemberId EVE = id(MemberId::new, "b5");
    private static final MemberId FRANK = id(MemberId::new, "b6");
    private static final MemberId OUTSIDER = id(MemberId::new, "b9");
    private static final EnumSet<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    private static JdbcTemplate jdbc;

    private FairnessReportProjection projection;
    private final List<Object> history = new ArrayList<>();
    private final Map<ShiftTypeId, ShiftTiming> timings = new HashMap<>();

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(ProjectionDatabase.migrated());
    }

    @BeforeEach
    void emptyProjectionWithAChicagoGroupOfThree() {
        projection = new FairnessReportProjection(new ReportStore(jdbc));
        projection.reset();
        deliver(new GroupCreatedEvent(GROUP, "Team", CHICAGO, GroupSettings.defaults()));
        deliver(defined(PRIMARY, "08:00", 24));
        deliver(member(ALICE, "Alice", MemberRole.MEMBER));
        deliver(member(BOB, "Bob", MemberRole.ADMIN));
        deliver(member(CAROL, "Carol", MemberRole.MEMBER));
    }

    // ---- real hours

    /**
     * A slot belongs to the date it starts on, so the 24-hour slot that spans a change is the one of the day before:
     * Saturday 13 March 2027 08:00 CST to Sunday 08:00 CDT, and Saturday 6 November 08:00 CDT to Sunday 08:00 CST.
     */
    @Test
    void aTwentyFourHourShiftCountsTwentyThreeRealHoursAcrossSpringForwardAndTwentyFiveAcrossFallBack() {
        assign(PRIMARY, "2027-03-13", ALICE);
        assign(PRIMARY, "2027-03-14", CAROL);
        assign(PRIMARY, "2027-11-06", BOB);
        assign(PRIMARY, "2027-11-07", BOB);

        FairnessReport year = report("2027-01-01", "2027-12-31");

        assertThat(line(year, ALICE).realHours()).isEqualTo(23.0);
        assertThat(line(year, CAROL).realHours()).as("starts after the change").isEqualTo(24.0);
        assertThat(line(year, BOB).realHours()).isEqualTo(25.0 + 24.0);
        assertThat(year.spread()).isEqualTo(new FairnessSpread(1, 1, 49.0 - 23.0));
    }

    // ---- kinds of day and of shift

    @Test
    void weekendHolidayAndNightSlotsAreCountedByTheSlotsDateAndItsShiftTypesStart() {
        deliver(settingsWithHolidays("2027-11-25", "2027-11-27"));
        deliver(defined(NIGHT, "20:00", 12));
        deliver(defined(EARLY, "05:00", 4));
        deliver(defined(EVENING, "18:00", 4));
        assign(PRIMARY, "2027-11-24", ALICE);   // Wednesday: nothing special
        assign(PRIMARY, "2027-11-25", ALICE);   // Thanksgiving, a Thursday: holiday
        assign(PRIMARY, "2027-11-27", BOB);     // a Saturday that is also a holiday
        assign(PRIMARY, "2027-11-28", BOB);     // Sunday
        assign(NIGHT, "2027-11-24", CAROL);     // 20:00: night
        assign(EARLY, "2027-11-24", CAROL);     // 05:00: night
        assign(EVENING, "2027-11-24", CAROL);   // 18:00: night, at the boundary

        FairnessReport week = report("2027-11-22", "2027-11-28");

        assertThat(week.members())
                .extracting(MemberFairness::name, MemberFairness::slots, MemberFairness::weekendSlots,
                        MemberFairness::holidaySlots, MemberFairness::nightSlots)
                .containsExactly(
                        tuple("Alice", 2, 0, 1, 0),
                        tuple("Bob", 2, 2, 1, 0),
                        tuple("Carol", 3, 0, 0, 3));
        assertThat(week.spread().weekendHolidaySlots()).as("Bob's holiday Saturday counts once").isEqualTo(2);
        assertThat(line(week, CAROL).realHours()).isEqualTo(12.0 + 4.0 + 4.0);
    }

    @Test
    void holidaysAreTheOnesTheSettingsListNow() {
        deliver(settingsWithHolidays("2027-07-05"));
        assign(PRIMARY, "2027-07-05", ALICE);
        assertThat(line(report("2027-07-01", "2027-07-31"), ALICE).holidaySlots()).isEqualTo(1);

        deliver(settingsWithHolidays("2027-07-06"));

        assertThat(line(report("2027-07-01", "2027-07-31"), ALICE).holidaySlots()).isZero();
    }

    @Test
    void aShiftStartingAtSixInTheMorningIsNotANightShift() {
        assertThat(FairnessAssembler.isNight(new ShiftTiming(LocalTime.of(6, 0), 8))).isFalse();
        assertThat(FairnessAssembler.isNight(new ShiftTiming(LocalTime.of(5, 59), 8))).isTrue();
        assertThat(FairnessAssembler.isNight(new ShiftTiming(LocalTime.of(17, 59), 8))).isFalse();
        assertThat(FairnessAssembler.isNight(new ShiftTiming(LocalTime.of(18, 0), 8))).isTrue();
        assertThat(FairnessAssembler.isNight(new ShiftTiming(LocalTime.MIDNIGHT, 8))).isTrue();
    }

    // ---- swaps and coverage

    @Test
    void aTradeIsGivenAndTakenByBothAndAGiveAwayIsGivenByTheGiverAndTakenByTheTaker() {
        assign(PRIMARY, "2027-06-01", ALICE);
        assign(PRIMARY, "2027-06-02", BOB);
        assign(PRIMARY, "2027-06-03", CAROL);
        completeTrade(id(SwapId::new, "d1"), "2027-06-01", ALICE, "2027-06-02", BOB);
        completeGiveAway(id(SwapId::new, "d2"), "2027-06-03", CAROL, ALICE);

        FairnessReport june = report("2027-06-01", "2027-06-30");

        assertThat(june.members())
                .extracting(MemberFairness::name, MemberFairness::slots, MemberFairness::swapsGiven, MemberFairness::swapsTaken)
                .containsExactly(
                        tuple("Alice", 2, 1, 2),
                        tuple("Bob", 1, 1, 1),
                        tuple("Carol", 0, 1, 0));
    }

    @Test
    void aSwapCountsByTheDateOfEachSlotItMoved() {
        assign(PRIMARY, "2027-06-30", ALICE);
        assign(PRIMARY, "2027-07-01", BOB);
        completeTrade(id(SwapId::new, "d1"), "2027-06-30", ALICE, "2027-07-01", BOB);

        FairnessReport june = report("2027-06-01", "2027-06-30");
        FairnessReport july = report("2027-07-01", "2027-07-31");

        assertThat(june.members()).extracting(MemberFairness::name, MemberFairness::swapsGiven, MemberFairness::swapsTaken)
                .as("in June Alice handed her slot to Bob").contains(tuple("Alice", 1, 0), tuple("Bob", 0, 1));
        assertThat(july.members()).extracting(MemberFairness::name, MemberFairness::swapsGiven, MemberFairness::swapsTaken)
                .as("in July Bob handed his to Alice").contains(tuple("Alice", 0, 1), tuple("Bob", 1, 0));
    }

    @Test
    void aCoverageCountsAsGivenByWhoCoveredAndTakenByWhoseSlotItWasAndAnOpenShiftHasNoTaker() {
        assign(PRIMARY, "2027-09-10", ALICE);
        cover(id(CoverageRequestId::new, "f1"), PRIMARY, "2027-09-10", ALICE, BOB);
        cover(id(CoverageRequestId::new, "f2"), PRIMARY, "2027-09-11", null, CAROL);

        FairnessReport september = report("2027-09-01", "2027-09-30");

        assertThat(september.members())
                .extracting(MemberFairness::name, MemberFairness::slots, MemberFairness::coverageGiven, MemberFairness::coverageTaken)
                .containsExactly(
                        tuple("Alice", 0, 0, 1),
                        tuple("Bob", 1, 1, 0),
                        tuple("Carol", 1, 1, 0));
        assertThat(report("2027-10-01", "2027-10-31").members())
                .extracting(MemberFairness::coverageGiven, MemberFairness::coverageTaken).containsOnly(tuple(0, 0));
    }

    // ---- dates

    @Test
    void aLeapDayAndAMonthEndAreSelectedByTheirOwnDate() {
        assign(PRIMARY, "2028-02-28", ALICE);
        assign(PRIMARY, "2028-02-29", BOB);
        assign(PRIMARY, "2028-03-01", CAROL);
        assign(PRIMARY, "2028-01-31", ALICE);

        assertThat(report("2028-02-29", "2028-02-29").members())
                .extracting(MemberFairness::name, MemberFairness::slots, MemberFairness::realHours)
                .containsExactly(tuple("Alice", 0, 0.0), tuple("Bob", 1, 24.0), tuple("Carol", 0, 0.0));
        assertThat(report("2028-02-29", "2028-03-01").members()).extracting(MemberFairness::slots).containsExactly(0, 1, 1);
        assertThat(report("2028-01-31", "2028-01-31").members()).extracting(MemberFairness::slots).containsExactly(1, 0, 0);
        assertThat(report("2028-02-01", "2028-02-28").members()).extracting(MemberFairness::slots).containsExactly(1, 0, 0);
        assertThat(report("2028-01-01", "2028-12-31").members()).extracting(MemberFairness::slots).containsExactly(2, 1, 1);
    }

    // ---- who is listed

    @Test
    void everyActiveMemberWhoTakesCallIsListedAndSoIsAnyoneElseWithAShareSortedByName() {
        deliver(member(DAVE, "dave", MemberRole.MEMBER));
        deliver(member(EVE, "Eve", MemberRole.AUDITOR));
        deliver(member(FRANK, "Frank", MemberRole.MEMBER));
        assign(PRIMARY, "2027-05-01", DAVE);
        assign(PRIMARY, "2027-05-02", DAVE);
        assign(PRIMARY, "2027-05-03", DAVE);
        assign(PRIMARY, "2027-05-04", ALICE);
        assign(PRIMARY, "2027-05-05", BOB);
        deliver(new MemberDeactivatedEvent(DAVE, GROUP));
        deliver(new MemberDeactivatedEvent(FRANK, GROUP));
        deliver(new MemberChangedEvent(CAROL, GROUP, "Caroline", "+13125550103", MemberRole.MEMBER,
                "Carol", "+13125550103", MemberRole.MEMBER));

        FairnessReport may = report("2027-05-01", "2027-05-31");

        assertThat(may.members()).extracting(MemberFairness::name, MemberFairness::slots)
                .as("not Eve (an auditor) nor Frank (gone, nothing in May); Dave (gone) for his slots")
                .containsExactly(tuple("Alice", 1), tuple("Bob", 1), tuple("Caroline", 0), tuple("dave", 3));
        assertThat(may.spread().slots()).as("among Alice, Bob and Caroline, who take call").isEqualTo(1);
        assertThat(may.from()).isEqualTo("2027-05-01");
        assertThat(may.to()).isEqualTo("2027-05-31");
    }

    @Test
    void aSlotCountsForWhoHoldsItNowAndAnUnassignedSlotForNobody() {
        assign(PRIMARY, "2027-04-01", ALICE);
        assign(PRIMARY, "2027-04-01", BOB);
        assign(PRIMARY, "2027-04-02", CAROL);
        deliver(new SlotUnassignedEvent(new SlotKey(PRIMARY, LocalDate.parse("2027-04-02")), GROUP, CAROL, "sick"));

        assertThat(report("2027-04-01", "2027-04-30").members()).extracting(MemberFairness::name, MemberFairness::slots)
                .containsExactly(tuple("Alice", 0), tuple("Bob", 1), tuple("Carol", 0));
    }

    @Test
    void anotherGroupsSlotsMembersAndSwapsAreNotInTheReport() {
        deliver(new GroupCreatedEvent(OTHER_GROUP, "Other", ZoneId.of("UTC"), GroupSettings.defaults()));
        deliver(new ShiftTypeDefinedEvent(ELSEWHERE, OTHER_GROUP, "Other", LocalTime.of(8, 0), 24, EVERY_DAY));
        deliver(new MemberAddedEvent(OUTSIDER, OTHER_GROUP, "Outsider", "+13125550199", MemberRole.MEMBER));
        SlotKey theirs = new SlotKey(ELSEWHERE, LocalDate.parse("2027-08-02"));
        deliver(new SlotAssignedEvent(theirs, OTHER_GROUP, OUTSIDER, null, null,
                Instant.parse("2027-08-02T08:00:00Z"), Instant.parse("2027-08-03T08:00:00Z")));
        deliver(new SwapCompletedEvent(id(SwapId::new, "d9"), OTHER_GROUP, SwapKind.GIVE_AWAY, OUTSIDER, OUTSIDER, theirs, null));

        FairnessReport august = report("2027-08-01", "2027-08-31");

        assertThat(august.members()).extracting(MemberFairness::name).containsExactly("Alice", "Bob", "Carol");
        assertThat(august.members()).extracting(MemberFairness::slots, MemberFairness::swapsGiven).containsOnly(tuple(0, 0));
    }

    // ---- replay

    @Test
    void theSameEventsDeliveredTwiceOrReplayedAfterAResetGiveTheSameReport() {
        deliver(settingsWithHolidays("2027-12-25"));
        deliver(defined(NIGHT, "20:00", 12));
        assign(PRIMARY, "2027-11-06", ALICE);
        assign(PRIMARY, "2027-12-25", BOB);
        assign(NIGHT, "2027-12-26", CAROL);
        completeTrade(id(SwapId::new, "d1"), "2027-11-06", ALICE, "2027-12-25", BOB);
        cover(id(CoverageRequestId::new, "f1"), NIGHT, "2027-12-26", CAROL, ALICE);
        deliver(new MemberDeactivatedEvent(CAROL, GROUP));
        FairnessReport once = report("2027-11-01", "2027-12-31");

        List<Object> events = List.copyOf(history);
        events.forEach(this::deliver);
        FairnessReport twice = report("2027-11-01", "2027-12-31");
        projection.reset();
        events.forEach(this::deliver);
        FairnessReport replayed = report("2027-11-01", "2027-12-31");

        assertThat(once.members()).extracting(MemberFairness::name, MemberFairness::slots, MemberFairness::realHours,
                        MemberFairness::holidaySlots, MemberFairness::nightSlots, MemberFairness::swapsGiven,
                        MemberFairness::swapsTaken, MemberFairness::coverageGiven, MemberFairness::coverageTaken)
                .containsExactly(
                        tuple("Alice", 2, 36.0, 1, 1, 1, 1, 1, 0),
                        tuple("Bob", 1, 25.0, 0, 0, 1, 1, 0, 0),
                        tuple("Carol", 0, 0.0, 0, 0, 0, 0, 0, 1));
        assertThat(twice).isEqualTo(once);
        assertThat(replayed).isEqualTo(once);
    }

    // ---- refusals

    @Test
    void aRangeIsRefusedWhenMissingReversedLongerThanAYearOrOutsideTheAcceptedYears() {
        assertRefused(() -> projection.handle(new FindFairnessReportQuery(GROUP, null, LocalDate.parse("2027-01-31"))),
                ErrorCode.FIELD_REQUIRED, "from");
        assertRefused(() -> report("2027-02-01", "2027-01-31"), ErrorCode.DATE_RANGE_INVALID, "to");
        assertRefused(() -> report("2027-01-01", "2028-01-02"), ErrorCode.DATE_RANGE_TOO_LARGE, "to");
        assertRefused(() -> report("1066-10-14", "1066-10-15"), ErrorCode.DATE_OUT_OF_RANGE, "from");
        assertThat(report("2028-01-01", "2028-12-31").members()).as("366 days of a leap year are allowed").hasSize(3);
    }

    @Test
    void aGroupTheReportHasNeverSeenIsGroupNotFound() {
        assertThatThrownBy(() -> projection.handle(new FindFairnessReportQuery(id(GroupId::new, "ff"),
                LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-31"))))
                .isInstanceOfSatisfying(RotaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GROUP_NOT_FOUND));
    }

    // ---- fixtures

    /** What Axon does: the handler for the event's type. Every event delivered is kept, for the replay tests. */
    private void deliver(Object event) {
        history.add(event);
        if (event instanceof GroupCreatedEvent e) {
            projection.on(e);
        } else if (event instanceof GroupSettingsChangedEvent e) {
            projection.on(e);
        } else if (event instanceof ShiftTypeDefinedEvent e) {
            projection.on(e);
        } else if (event instanceof MemberAddedEvent e) {
            projection.on(e);
        } else if (event instanceof MemberChangedEvent e) {
            projection.on(e);
        } else if (event instanceof MemberDeactivatedEvent e) {
            projection.on(e);
        } else if (event instanceof SlotAssignedEvent e) {
            projection.on(e);
        } else if (event instanceof SlotUnassignedEvent e) {
            projection.on(e);
        } else if (event instanceof SwapCompletedEvent e) {
            projection.on(e);
        } else if (event instanceof CoverageCoveredEvent e) {
            projection.on(e);
        } else {
            throw new IllegalArgumentException("the reports projection does not handle " + event);
        }
    }

    private ShiftTypeDefinedEvent defined(ShiftTypeId id, String start, int hours) {
        timings.put(id, new ShiftTiming(LocalTime.parse(start), hours));
        return new ShiftTypeDefinedEvent(id, GROUP, "Shift " + start, LocalTime.parse(start), hours, EVERY_DAY);
    }

    private static MemberAddedEvent member(MemberId id, String name, MemberRole role) {
        return new MemberAddedEvent(id, GROUP, name, "+1312555" + id.value().toString().substring(32), role);
    }

    private static GroupSettingsChangedEvent settingsWithHolidays(String... holidays) {
        GroupSettings d = GroupSettings.defaults();
        GroupSettings after = new GroupSettings(d.swapApprovalRequired(), d.coverageApprovalRequired(), d.dailyReminderTime(),
                d.reminderLeadMinutes(), d.quietHoursStart(), d.quietHoursEnd(), d.escalationTimeoutMinutes(),
                Arrays.stream(holidays).map(LocalDate::parse).toList());
        return new GroupSettingsChangedEvent(GROUP, d, after);
    }

    /** A slot event as the slot aggregate would publish it, with the slot's real interval. */
    private void assign(ShiftTypeId type, String date, MemberId member) {
        SlotKey slot = new SlotKey(type, LocalDate.parse(date));
        SlotInterval interval = timings.get(type).intervalOn(slot.date(), CHICAGO);
        deliver(new SlotAssignedEvent(slot, GROUP, member, null, null, interval.startInstant(), interval.endInstant()));
    }

    /** A completed trade as the command side records it: both slots move, then the swap completes. */
    private void completeTrade(SwapId swap, String fromDate, MemberId proposer, String toDate, MemberId counterpart) {
        assign(PRIMARY, fromDate, counterpart);
        assign(PRIMARY, toDate, proposer);
        deliver(new SwapCompletedEvent(swap, GROUP, SwapKind.TRADE, proposer, counterpart,
                new SlotKey(PRIMARY, LocalDate.parse(fromDate)), new SlotKey(PRIMARY, LocalDate.parse(toDate))));
    }

    private void completeGiveAway(SwapId swap, String date, MemberId giver, MemberId taker) {
        assign(PRIMARY, date, taker);
        deliver(new SwapCompletedEvent(swap, GROUP, SwapKind.GIVE_AWAY, giver, taker,
                new SlotKey(PRIMARY, LocalDate.parse(date)), null));
    }

    /** A covered request: the slot moves to the claimant, then the request is covered. */
    private void cover(CoverageRequestId request, ShiftTypeId type, String date, MemberId requester, MemberId claimant) {
        assign(type, date, claimant);
        deliver(new CoverageCoveredEvent(request, GROUP, new SlotKey(type, LocalDate.parse(date)), requester, claimant));
    }

    private FairnessReport report(String from, String to) {
        return projection.handle(new FindFairnessReportQuery(GROUP, LocalDate.parse(from), LocalDate.parse(to)));
    }

    private static MemberFairness line(FairnessReport report, MemberId member) {
        return report.members().stream().filter(line -> line.memberId().equals(member)).findFirst()
                .orElseThrow(() -> new AssertionError(member + " is not in " + report.members()));
    }

    private static void assertRefused(Runnable read, ErrorCode code, String field) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(RotaException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private static <T> T id(Function<UUID, T> type, String suffix) {
        return type.apply(UUID.fromString("00000000-0000-0000-0000-0000000000" + suffix));
    }
}
