package app.rota.command.rotation;

import app.rota.command.eligibility.EligibilityPolicy;
import app.rota.command.member.MemberDirectory.MemberFacts;
import app.rota.command.member.TimeOffRegister.TimeOff;
import app.rota.command.slot.Bookings.Booking;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.schedule.SlotCategories;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RotationPlanTest {

    private static final MemberId ANN = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final MemberId BOB = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    private static final MemberId CAT = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b3"));
    private static final List<MemberId> TEAM = List.of(ANN, BOB, CAT);

    private static final ShiftTypeId DAILY = new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final ShiftTypeId OTHER_TYPE = new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c9"));
    private static final ShiftTypeId BACKUP = new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c2"));
    private static final ShiftTiming DAY_8_TO_8 = new ShiftTiming(LocalTime.of(8, 0), 24);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    /** A Monday: week offsets count from it. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final BiPredicate<MemberId, LocalDate> NOBODY_OFF = (member, date) -> false;

    @Test
    void consecutiveDaysGoToTheMembersInCircularOrder() {
        RotationPlan.Plan plan = plan(dailySlots(MONDAY, 5, Set.of()), Map.of(), NOBODY_OFF);

        assertThat(assignees(plan)).containsExactly(ANN, BOB, CAT, ANN, BOB);
        assertThat(plan.unfillable()).isEmpty();
    }

    @Test
    void theWeekOffsetShiftsTheFirstMemberOfTheRotation() {
        assertThat(assignees(plan(dailySlots(MONDAY.plusWeeks(1), 3, Set.of()), Map.of(), NOBODY_OFF)))
                .containsExactly(BOB, CAT, ANN);
        assertThat(assignees(plan(dailySlots(MONDAY.plusWeeks(2), 3, Set.of()), Map.of(), NOBODY_OFF)))
                .containsExactly(CAT, ANN, BOB);
        assertThat(assignees(plan(dailySlots(MONDAY.plusWeeks(3), 3, Set.of()), Map.of(), NOBODY_OFF)))
                .containsExactly(ANN, BOB, CAT);
    }

    @Test
    void theShiftIndexShiftsTheFirstMemberOfTheRotation() {
        RotationPlan.Plan plan = plan(List.of(candidate(BACKUP, 1, MONDAY, false)), Map.of(), NOBODY_OFF);

        assertThat(assignees(plan)).containsExactly(BOB);
    }

    @Test
    void everyMemberGetsTheFloorOrCeilingOfAnEqualShareOverEightWeeks() {
        List<RotationPlan.Candidate> slots = dailySlots(MONDAY, 56, Set.of());

        RotationPlan.Plan plan = plan(slots, Map.of(), NOBODY_OFF);

        assertThat(plan.assignments()).hasSize(56);
        assertThat(countBy(plan, slot -> true).values()).allSatisfy(count -> assertThat(count).isBetween(18L, 19L));
    }

    @Test
    void aMemberAlreadyHoldingSlotsInTheRangeIsPassedOverUntilTheOthersCatchUp() {
        Map<MemberId, int[]> initialLoad = Map.of(ANN, new int[]{2, 0});

        RotationPlan.Plan plan = RotationPlan.plan(TEAM, MONDAY, dailySlots(MONDAY, 5, Set.of()),
                eligibility(Map.of(), NOBODY_OFF), initialLoad);

        assertThat(assignees(plan)).containsExactly(BOB, CAT, BOB, CAT, ANN);
        assertThat(initialLoad.get(ANN)).containsExactly(2, 0);
    }

    @Test
    void aMemberOnTimeOffIsSkippedThatDay() {
        LocalDate tuesday = MONDAY.plusDays(1);

        RotationPlan.Plan plan = plan(dailySlots(MONDAY, 3, Set.of()), Map.of(),
                (member, date) -> member.equals(BOB) && date.equals(tuesday));

        assertThat(assignees(plan)).containsExactly(ANN, CAT, BOB);
    }

    @Test
    void aSlotOverlappingAnExistingSlotOfTheMemberGoesToSomeoneElse() {
        SlotInterval annsNightBefore = new ShiftTiming(LocalTime.of(20, 0), 14).intervalOn(MONDAY.minusDays(1), CHICAGO);

        RotationPlan.Plan plan = plan(dailySlots(MONDAY, 1, Set.of()), Map.of(ANN, List.of(annsNightBefore)), NOBODY_OFF);

        assertThat(assignees(plan)).containsExactly(BOB);
    }

    @Test
    void aSlotThatOnlyTouchesAnExistingSlotIsNoOverlap() {
        SlotInterval annsPreviousDay = DAY_8_TO_8.intervalOn(MONDAY.minusDays(1), CHICAGO);

        RotationPlan.Plan plan = plan(dailySlots(MONDAY, 1, Set.of()), Map.of(ANN, List.of(annsPreviousDay)), NOBODY_OFF);

        assertThat(assignees(plan)).containsExactly(ANN);
    }

    @Test
    void twoSimultaneousSlotsOfTheSamePlanGoToDifferentMembers() {
        List<RotationPlan.Candidate> slots = List.of(candidate(DAILY, 0, MONDAY, false), candidate(BACKUP, 1, MONDAY, false));

        RotationPlan.Plan plan = plan(slots, Map.of(), NOBODY_OFF);

        assertThat(assignees(plan)).containsExactly(ANN, BOB);
    }

    @Test
    void whenEveryoneIsOffTheSlotIsUnfillable() {
        LocalDate tuesday = MONDAY.plusDays(1);

        RotationPlan.Plan plan = plan(dailySlots(MONDAY, 3, Set.of()), Map.of(), (member, date) -> date.equals(tuesday));

        assertThat(plan.unfillable()).containsExactly(new SlotKey(DAILY, tuesday));
        assertThat(plan.assignments()).extracting(RotationPlan.Planned::slot)
                .containsExactly(new SlotKey(DAILY, MONDAY), new SlotKey(DAILY, MONDAY.plusDays(2)));
    }

    @Test
    void weekendAndHolidaySlotsAreBalancedOverEightWeeks() {
        Set<LocalDate> holidays = Set.of(MONDAY.plusDays(2), MONDAY.plusWeeks(3).plusDays(3), MONDAY.plusWeeks(5));
        List<RotationPlan.Candidate> slots = dailySlots(MONDAY, 56, holidays);

        RotationPlan.Plan plan = plan(slots, Map.of(), NOBODY_OFF);

        Map<MemberId, Long> special = countBy(plan, slot -> SlotCategories.isWeekendOrHoliday(slot.date(), holidays));
        assertThat(special.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(16 + 3);
        assertThat(special).containsOnlyKeys(TEAM);
        long max = special.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = special.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Test
    void theLoadCountsEveryMembersSlotsAndWeekendAndHolidaySlots() {
        Set<LocalDate> holidays = Set.of(MONDAY.plusDays(2));
        RotationPlan.Plan plan = plan(dailySlots(MONDAY, 14, holidays), Map.of(), NOBODY_OFF);

        Map<MemberId, Long> all = countBy(plan, slot -> true);
        Map<MemberId, Long> special = countBy(plan, slot -> SlotCategories.isWeekendOrHoliday(slot.date(), holidays));
        for (MemberId member : TEAM) {
            assertThat(plan.load().get(member)).containsExactly(all.get(member).intValue(),
                    special.getOrDefault(member, 0L).intValue());
        }
    }

    @Test
    void theSameInputGivesTheSamePlan() {
        Set<LocalDate> holidays = Set.of(MONDAY.plusDays(9));
        List<RotationPlan.Candidate> slots = new ArrayList<>(dailySlots(MONDAY, 28, holidays));
        BiPredicate<MemberId, LocalDate> offs = (member, date) -> member.equals(CAT) && date.getDayOfMonth() % 5 == 0;
        Map<MemberId, List<SlotInterval>> existing = Map.of(BOB, List.of(DAY_8_TO_8.intervalOn(MONDAY.plusDays(3), CHICAGO)));

        RotationPlan.Plan first = plan(slots, existing, offs);
        RotationPlan.Plan second = plan(slots, existing, offs);

        assertThat(second.assignments()).isEqualTo(first.assignments());
        assertThat(second.unfillable()).isEqualTo(first.unfillable());
        for (MemberId member : TEAM) {
            assertThat(second.load().get(member)).isEqualTo(first.load().get(member));
        }
    }

    // ---- helpers

    private static RotationPlan.Plan plan(List<RotationPlan.Candidate> candidates, Map<MemberId, List<SlotInterval>> existing,
                                          BiPredicate<MemberId, LocalDate> onTimeOff) {
        return RotationPlan.plan(TEAM, MONDAY, candidates, eligibility(existing, onTimeOff), new HashMap<>());
    }

    /** The team, all active members, holding {@code existing} (of another shift type) and off when {@code onTimeOff} says. */
    private static EligibilityPolicy eligibility(Map<MemberId, List<SlotInterval>> existing,
                                                 BiPredicate<MemberId, LocalDate> onTimeOff) {
        List<MemberFacts> members = TEAM.stream().map(m -> new MemberFacts(m, GROUP, MemberRole.MEMBER, true)).toList();
        List<Booking> bookings = new ArrayList<>();
        existing.forEach((member, intervals) -> intervals.forEach(interval -> bookings.add(new Booking(
                new SlotKey(OTHER_TYPE, interval.start().withZoneSameInstant(CHICAGO).toLocalDate()), member, interval))));
        List<TimeOff> timeOff = new ArrayList<>();
        for (LocalDate date = MONDAY.minusWeeks(1); date.isBefore(MONDAY.plusWeeks(12)); date = date.plusDays(1)) {
            for (MemberId member : TEAM) {
                if (onTimeOff.test(member, date)) {
                    timeOff.add(new TimeOff(member, date, date));
                }
            }
        }
        return new EligibilityPolicy(members, bookings, timeOff);
    }

    private static List<RotationPlan.Candidate> dailySlots(LocalDate from, int days, Set<LocalDate> holidays) {
        List<RotationPlan.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate date = from.plusDays(i);
            candidates.add(candidate(DAILY, 0, date, SlotCategories.isWeekendOrHoliday(date, holidays)));
        }
        return candidates;
    }

    private static RotationPlan.Candidate candidate(ShiftTypeId type, int shiftIndex, LocalDate date, boolean special) {
        return new RotationPlan.Candidate(new SlotKey(type, date), shiftIndex, DAY_8_TO_8.intervalOn(date, CHICAGO), special);
    }

    private static List<MemberId> assignees(RotationPlan.Plan plan) {
        return plan.assignments().stream().map(RotationPlan.Planned::memberId).toList();
    }

    private static Map<MemberId, Long> countBy(RotationPlan.Plan plan, java.util.function.Predicate<SlotKey> which) {
        return plan.assignments().stream()
                .filter(planned -> which.test(planned.slot()))
                .collect(Collectors.groupingBy(RotationPlan.Planned::memberId, Collectors.counting()));
    }
}
