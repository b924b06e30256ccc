package app.rota.kernel.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotIntervalTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static ZonedDateTime at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).atZoneSameInstant(CHICAGO);
    }

    private static SlotInterval interval(String start, String end) {
        return new SlotInterval(at(start), at(end));
    }

    private static final SlotInterval DAY = interval("2026-06-10T08:00-05:00", "2026-06-10T20:00-05:00");

    @Test
    void containsItsStart() {
        assertThat(DAY.contains(Instant.parse("2026-06-10T13:00:00Z"))).isTrue();
    }

    @Test
    void doesNotContainItsEnd() {
        assertThat(DAY.contains(Instant.parse("2026-06-11T01:00:00Z"))).isFalse();
    }

    @Test
    void containsTheLastNanosecondBeforeItsEnd() {
        assertThat(DAY.contains(Instant.parse("2026-06-11T00:59:59.999999999Z"))).isTrue();
    }

    @Test
    void doesNotContainAnInstantBeforeItsStart() {
        assertThat(DAY.contains(Instant.parse("2026-06-10T12:59:59.999999999Z"))).isFalse();
    }

    @ParameterizedTest(name = "{0} - {1}")
    @CsvSource({
            "2026-06-10T20:00-05:00, 2026-06-11T08:00-05:00",
            "2026-06-09T20:00-05:00, 2026-06-10T08:00-05:00",
    })
    void touchingIntervalsDoNotOverlap(String start, String end) {
        SlotInterval other = interval(start, end);

        assertThat(DAY.overlaps(other)).isFalse();
        assertThat(other.overlaps(DAY)).isFalse();
    }

    @ParameterizedTest(name = "{0} - {1}")
    @CsvSource({
            "2026-06-10T19:59-05:00, 2026-06-11T08:00-05:00",
            "2026-06-09T20:00-05:00, 2026-06-10T08:01-05:00",
    })
    void aOneMinuteOverlapIsAnOverlap(String start, String end) {
        SlotInterval other = interval(start, end);

        assertThat(DAY.overlaps(other)).isTrue();
        assertThat(other.overlaps(DAY)).isTrue();
    }

    @Test
    void anIntervalInsideAnotherOverlapsIt() {
        SlotInterval inside = interval("2026-06-10T10:00-05:00", "2026-06-10T11:00-05:00");

        assertThat(DAY.overlaps(inside)).isTrue();
        assertThat(inside.overlaps(DAY)).isTrue();
    }

    @Test
    void disjointIntervalsDoNotOverlap() {
        SlotInterval later = interval("2026-06-11T08:00-05:00", "2026-06-11T20:00-05:00");

        assertThat(DAY.overlaps(later)).isFalse();
    }

    @Test
    void anIntervalOverlapsItself() {
        assertThat(DAY.overlaps(DAY)).isTrue();
    }

    @Test
    void rejectsAnEndEqualToItsStart() {
        assertThatThrownBy(() -> interval("2026-06-10T08:00-05:00", "2026-06-10T08:00-05:00"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnEndBeforeItsStart() {
        assertThatThrownBy(() -> interval("2026-06-10T08:00-05:00", "2026-06-10T07:59-05:00"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnEndThatIsTheSameInstantWrittenWithAnotherOffset() {
        ZonedDateTime start = ZonedDateTime.of(2026, 11, 1, 1, 30, 0, 0, CHICAGO).withEarlierOffsetAtOverlap();
        ZonedDateTime end = start.withZoneSameInstant(ZoneId.of("UTC"));

        assertThatThrownBy(() -> new SlotInterval(start, end)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAMissingStartOrEnd() {
        assertThatThrownBy(() -> new SlotInterval(null, at("2026-06-10T08:00-05:00")))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SlotInterval(at("2026-06-10T08:00-05:00"), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void realDurationCountsElapsedTimeNotWallClockTime() {
        SlotInterval acrossFallBack = interval("2026-11-01T00:00-05:00", "2026-11-01T02:00-06:00");

        assertThat(acrossFallBack.realDuration()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void realHoursIncludesFractionsOfAnHour() {
        SlotInterval ninetyMinutes = interval("2026-06-10T08:00-05:00", "2026-06-10T09:30-05:00");

        assertThat(ninetyMinutes.realHours()).isEqualTo(1.5);
    }

    @Test
    void instantsAreTheStartAndEndInstants() {
        assertThat(DAY.startInstant()).isEqualTo(Instant.parse("2026-06-10T13:00:00Z"));
        assertThat(DAY.endInstant()).isEqualTo(Instant.parse("2026-06-11T01:00:00Z"));
    }

    @Test
    void offsetsKeepTheLocalTimeAndOffsetOfTheZone() {
        assertThat(DAY.startOffset()).hasToString("2026-06-10T08:00-05:00");
        assertThat(DAY.endOffset()).hasToString("2026-06-10T20:00-05:00");
    }
}
