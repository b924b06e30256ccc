package app.rota.kernel.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are written out by hand from the tz rules (checked against the JDK's tzdata). */
class ShiftTimingTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    private static SlotInterval slot(String start, int hours, String date, ZoneId zone) {
        return new ShiftTiming(LocalTime.parse(start), hours).intervalOn(LocalDate.parse(date), zone);
    }

    private static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text);
    }

    @Test
    void aDayShiftBeforeSpringForwardStartsAtEightInStandardTime() {
        assertThat(slot("08:00", 24, "2026-03-07", CHICAGO).startOffset()).isEqualTo(at("2026-03-07T08:00-06:00"));
    }

    @Test
    void aDayShiftAcrossSpringForwardEndsAtEightLocalInDaylightTime() {
        assertThat(slot("08:00", 24, "2026-03-07", CHICAGO).endOffset()).isEqualTo(at("2026-03-08T08:00-05:00"));
    }

    @Test
    void aDayShiftAcrossSpringForwardLastsTwentyThreeRealHours() {
        assertThat(slot("08:00", 24, "2026-03-07", CHICAGO).realHours()).isEqualTo(23.0);
    }

    @Test
    void aDayShiftAcrossFallBackEndsAtEightLocalInStandardTime() {
        assertThat(slot("08:00", 24, "2026-10-31", CHICAGO).endOffset()).isEqualTo(at("2026-11-01T08:00-06:00"));
    }

    @Test
    void aDayShiftAcrossFallBackLastsTwentyFiveRealHours() {
        assertThat(slot("08:00", 24, "2026-10-31", CHICAGO).realHours()).isEqualTo(25.0);
    }

    @Test
    void aDayShiftOnAnOrdinaryDayLastsTwentyFourRealHours() {
        assertThat(slot("08:00", 24, "2026-06-10", CHICAGO).realHours()).isEqualTo(24.0);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            "2026-01-31, 2026-01-31T20:00-06:00, 2026-02-01T08:00-06:00",
            "2026-04-30, 2026-04-30T20:00-05:00, 2026-05-01T08:00-05:00",
            "2026-12-31, 2026-12-31T20:00-06:00, 2027-01-01T08:00-06:00",
            "2028-02-28, 2028-02-28T20:00-06:00, 2028-02-29T08:00-06:00",
    })
    void aNightShiftStartsOnItsOwnDateAndEndsTheNextMorning(String date, String start, String end) {
        SlotInterval slot = slot("20:00", 12, date, CHICAGO);

        assertThat(slot.startOffset()).isEqualTo(at(start));
        assertThat(slot.endOffset()).isEqualTo(at(end));
    }

    @Test
    void aDayShiftOnLeapDayEndsOnTheFirstOfMarch() {
        SlotInterval slot = slot("08:00", 24, "2028-02-29", CHICAGO);

        assertThat(slot.startOffset()).isEqualTo(at("2028-02-29T08:00-06:00"));
        assertThat(slot.endOffset()).isEqualTo(at("2028-03-01T08:00-06:00"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "America/Chicago,     2026-03-08, 02:30, 2026-03-08T03:00-05:00",
            "America/Chicago,     2026-03-08, 02:00, 2026-03-08T03:00-05:00",
            "Europe/London,       2026-03-29, 01:30, 2026-03-29T02:00+01:00",
            "Australia/Lord_Howe, 2026-10-04, 02:15, 2026-10-04T02:30+11:00",
    })
    void aShiftStartingInTheSpringGapStartsWhenTheClocksJumpForward(
            String zone, String date, String time, String expectedStart) {
        assertThat(slot(time, 8, date, ZoneId.of(zone)).startOffset()).isEqualTo(at(expectedStart));
    }

    @Test
    void aShiftStartingInTheSpringGapStillEndsAtItsWallClockEnd() {
        SlotInterval slot = slot("02:30", 8, "2026-03-08", CHICAGO);

        assertThat(slot.endOffset()).isEqualTo(at("2026-03-08T10:30-05:00"));
        assertThat(slot.realHours()).isEqualTo(7.5);
    }

    @Test
    void aShiftWhoseWallClockEndFallsInTheSpringGapEndsWhenTheClocksJumpForward() {
        SlotInterval slot = slot("01:30", 1, "2026-03-08", CHICAGO);

        assertThat(slot.startOffset()).isEqualTo(at("2026-03-08T01:30-06:00"));
        assertThat(slot.endOffset()).isEqualTo(at("2026-03-08T03:00-05:00"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "America/Chicago,     2026-11-01, 01:30, 2026-11-01T01:30-05:00",
            "America/Chicago,     2026-11-01, 01:00, 2026-11-01T01:00-05:00",
            "Europe/London,       2026-10-25, 01:30, 2026-10-25T01:30+01:00",
            "Australia/Lord_Howe, 2026-04-05, 01:45, 2026-04-05T01:45+11:00",
    })
    void aShiftStartingInTheFallBackOverlapUsesTheEarlierOffset(
            String zone, String date, String time, String expectedStart) {
        assertThat(slot(time, 8, date, ZoneId.of(zone)).startOffset()).isEqualTo(at(expectedStart));
    }

    @Test
    void aShiftEndingInTheFallBackOverlapUsesTheEarlierOffset() {
        SlotInterval slot = slot("17:30", 8, "2026-10-31", CHICAGO);

        assertThat(slot.endOffset()).isEqualTo(at("2026-11-01T01:30-05:00"));
        assertThat(slot.realHours()).isEqualTo(8.0);
    }

    @ParameterizedTest(name = "{0} {1}: {2} real hours")
    @CsvSource({
            "Europe/London,       2026-03-28, 23.0",
            "Europe/London,       2026-10-24, 25.0",
            "Australia/Lord_Howe, 2026-04-04, 24.5",
            "Australia/Lord_Howe, 2026-10-03, 23.5",
    })
    void aDayShiftAcrossADstChangeLastsTheLocalDayInRealHours(String zone, String date, double expectedHours) {
        assertThat(slot("08:00", 24, date, ZoneId.of(zone)).realHours()).isEqualTo(expectedHours);
    }

    @Test
    void aDayShiftAcrossLordHoweHalfHourFallBackEndsAtEightLocal() {
        SlotInterval slot = slot("08:00", 24, "2026-04-04", LORD_HOWE);

        assertThat(slot.startOffset()).isEqualTo(at("2026-04-04T08:00+11:00"));
        assertThat(slot.endOffset()).isEqualTo(at("2026-04-05T08:00+10:30"));
    }

    @Test
    void aWeekLongShiftAcrossSpringForwardEndsAtTheSameLocalTimeAWeekLater() {
        SlotInterval slot = slot("08:00", ShiftTiming.MAX_DURATION_HOURS, "2026-03-05", CHICAGO);

        assertThat(slot.startOffset()).isEqualTo(at("2026-03-05T08:00-06:00"));
        assertThat(slot.endOffset()).isEqualTo(at("2026-03-12T08:00-05:00"));
        assertThat(slot.realHours()).isEqualTo(167.0);
    }

    @Test
    void aOneHourShiftLastsOneRealHour() {
        SlotInterval slot = slot("09:00", ShiftTiming.MIN_DURATION_HOURS, "2026-06-15", CHICAGO);

        assertThat(slot.startOffset()).isEqualTo(at("2026-06-15T09:00-05:00"));
        assertThat(slot.endOffset()).isEqualTo(at("2026-06-15T10:00-05:00"));
    }

    @Test
    void theSlotZoneIsTheGroupZone() {
        SlotInterval slot = slot("08:00", 24, "2026-03-07", CHICAGO);

        assertThat(slot.start().getZone()).isEqualTo(CHICAGO);
        assertThat(slot.end().getZone()).isEqualTo(CHICAGO);
    }

    @Test
    void theDurationBoundsAreOneHourToOneWeek() {
        assertThat(ShiftTiming.MIN_DURATION_HOURS).isEqualTo(1);
        assertThat(ShiftTiming.MAX_DURATION_HOURS).isEqualTo(7 * 24);
    }

    @Test
    void aShiftTimingRequiresAStartTime() {
        assertThatThrownBy(() -> new ShiftTiming(null, 8)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aNonPositiveDurationCannotProduceASlot() {
        ShiftTiming timing = new ShiftTiming(LocalTime.of(8, 0), 0);

        assertThatThrownBy(() -> timing.intervalOn(LocalDate.of(2026, 6, 15), CHICAGO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
