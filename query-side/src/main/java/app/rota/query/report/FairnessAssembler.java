package app.rota.query.report;

import app.rota.kernel.member.MemberId;
import app.rota.kernel.report.FairnessReport;
import app.rota.kernel.report.FairnessSpread;
import app.rota.kernel.report.MemberFairness;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotCategories;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Adds up each member's share of a range from the report's rows: slots by the date they belong to, their real
 * hours from the shift type's timing in the group's zone, weekends and holidays by {@link SlotCategories}, nights
 * by {@link #isNight}.
 */
final class FairnessAssembler {

    /** A shift is a night shift when its shift type starts at or after this local time… */
    static final LocalTime NIGHT_STARTS = LocalTime.of(18, 0);
    /** …or before this one. */
    static final LocalTime NIGHT_ENDS = LocalTime.of(6, 0);

    private static final Comparator<MemberFairness> BY_NAME = Comparator
            .comparing(MemberFairness::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder())))
            .thenComparing(line -> line.memberId().value());

    private FairnessAssembler() {
    }

    static boolean isNight(ShiftTiming timing) {
        return !timing.startTime().isBefore(NIGHT_STARTS) || timing.startTime().isBefore(NIGHT_ENDS);
    }

    static FairnessReport report(LocalDate from, LocalDate to, ZoneId zone, Set<LocalDate> holidays,
                                 Map<ShiftTypeId, ShiftTiming> timings, Map<MemberId, ReportStore.MemberRow> members,
                                 List<ReportStore.SlotRow> slots, Map<MemberId, ReportStore.GivenTaken> swaps,
                                 Map<MemberId, ReportStore.GivenTaken> coverage) {
        Map<MemberId, Tally> tallies = new HashMap<>();
        for (ReportStore.SlotRow slot : slots) {
            Tally tally = tallies.computeIfAbsent(slot.memberId(), id -> new Tally());
            tally.slots++;
            ShiftTiming timing = timings.get(slot.shiftTypeId());
            if (timing != null) {
                tally.realHours += timing.intervalOn(slot.date(), zone).realHours();
                if (isNight(timing)) {
                    tally.nightSlots++;
                }
            }
            boolean weekend = SlotCategories.isWeekend(slot.date());
            boolean holiday = SlotCategories.isHoliday(slot.date(), holidays);
            if (weekend) {
                tally.weekendSlots++;
            }
            if (holiday) {
                tally.holidaySlots++;
            }
            if (SlotCategories.isWeekendOrHoliday(slot.date(), holidays)) {
                tally.weekendHolidaySlots++;
            }
        }
        Set<MemberId> listed = new LinkedHashSet<>(tallies.keySet());
        listed.addAll(swaps.keySet());
        listed.addAll(coverage.keySet());
        members.values().stream().filter(ReportStore.MemberRow::takesCall).map(ReportStore.MemberRow::id).forEach(listed::add);

        List<MemberFairness> lines = listed.stream().map(id -> {
            Tally tally = tallies.getOrDefault(id, new Tally());
            ReportStore.GivenTaken swapped = swaps.getOrDefault(id, new ReportStore.GivenTaken(0, 0));
            ReportStore.GivenTaken covered = coverage.getOrDefault(id, new ReportStore.GivenTaken(0, 0));
            ReportStore.MemberRow member = members.get(id);
            return new MemberFairness(id, member == null ? null : member.name(), tally.slots, tally.realHours,
                    tally.weekendSlots, tally.holidaySlots, tally.nightSlots, swapped.given(), swapped.taken(),
                    covered.given(), covered.taken());
        }).sorted(BY_NAME).toList();

        List<MemberId> takingCall = listed.stream()
                .filter(id -> members.containsKey(id) && members.get(id).takesCall()).toList();
        FairnessSpread spread = new FairnessSpread(
                (int) spread(takingCall, id -> tallies.getOrDefault(id, new Tally()).slots),
                (int) spread(takingCall, id -> tallies.getOrDefault(id, new Tally()).weekendHolidaySlots),
                spread(takingCall, id -> tallies.getOrDefault(id, new Tally()).realHours));
        return new FairnessReport(from, to, lines, spread);
    }

    private static double spread(List<MemberId> members, ToDoubleFunction<MemberId> figure) {
        return members.isEmpty() ? 0 : members.stream().mapToDouble(figure).max().getAsDouble()
                - members.stream().mapToDouble(figure).min().getAsDouble();
    }

    /** One member's running totals. */
    private static final class Tally {
        int slots;
        double realHours;
        int weekendSlots;
        int holidaySlots;
        int nightSlots;
        int weekendHolidaySlots;
    }
}
