package app.rota.notifier.policy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), CHICAGO);

    @Test
    void aMessageCreatedLateInTheEveningWaitsUntilSevenTheNextMorning() {
        Instant created = at("2027-06-07T23:15");
        assertThat(NIGHT.notBefore(created, false)).isEqualTo(at("2027-06-08T07:00"));
    }

    @Test
    void aMessageCreatedAfterMidnightWaitsUntilSevenThatMorning() {
        assertThat(NIGHT.notBefore(at("2027-06-08T03:00"), false)).isEqualTo(at("2027-06-08T07:00"));
    }

    @Test
    void theStartIsQuietAndTheEndIsNot() {
        assertThat(NIGHT.notBefore(at("2027-06-07T22:00"), false)).isEqualTo(at("2027-06-08T07:00"));
        assertThat(NIGHT.notBefore(at("2027-06-08T07:00"), false)).isEqualTo(at("2027-06-08T07:00"));
        assertThat(NIGHT.notBefore(at("2027-06-07T21:59"), false)).isEqualTo(at("2027-06-07T21:59"));
    }

    @Test
    void anUrgentMessageGoesAtOnceEvenInQuietHours() {
        assertThat(NIGHT.notBefore(at("2027-06-08T03:00"), true)).isEqualTo(at("2027-06-08T03:00"));
    }

    @Test
    void quietHoursWithinOneDayDoNotWrap() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), CHICAGO);
        assertThat(lunch.notBefore(at("2027-06-07T12:10"), false)).isEqualTo(at("2027-06-07T13:30"));
        assertThat(lunch.notBefore(at("2027-06-07T23:00"), false)).isEqualTo(at("2027-06-07T23:00"));
    }

    @Test
    void theEndIsSevenLocalOnTheNightTheClocksGoForwardAndBack() {
        // 14 March 2027: 02:00 CST becomes 03:00 CDT; 7 November 2027: 02:00 CDT becomes 01:00 CST
        assertThat(NIGHT.notBefore(at("2027-03-13T23:00"), false)).isEqualTo(Instant.parse("2027-03-14T12:00:00Z"));
        assertThat(NIGHT.notBefore(at("2027-11-06T23:00"), false)).isEqualTo(Instant.parse("2027-11-07T13:00:00Z"));
    }

    @Test
    void anEndInsideTheSpringForwardGapIsMovedToTheFirstInstantAfterIt() {
        QuietHours toHalfPastTwo = new QuietHours(LocalTime.of(0, 0), LocalTime.of(2, 30), CHICAGO);
        assertThat(toHalfPastTwo.notBefore(at("2027-03-14T01:00"), false)).isEqualTo(Instant.parse("2027-03-14T08:30:00Z"));
    }

    @Test
    void equalStartAndEndOrNoneMeanNoQuietHours() {
        assertThat(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, CHICAGO).notBefore(at("2027-06-08T03:00"), false))
                .isEqualTo(at("2027-06-08T03:00"));
        assertThat(new QuietHours(null, null, CHICAGO).notBefore(at("2027-06-08T03:00"), false)).isEqualTo(at("2027-06-08T03:00"));
    }

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), CHICAGO).toInstant();
    }
}
