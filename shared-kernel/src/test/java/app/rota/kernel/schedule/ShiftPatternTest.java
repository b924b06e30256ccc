package app.rota.kernel.schedule;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftPatternTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ShiftPattern WEEKENDS_24H = new ShiftPattern(new ShiftTiming(LocalTime.of(8, 0), 24),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    @Test
    void aShiftTypeHasASlotOnlyOnItsDays() {
        assertThat(WEEKENDS_24H.slotOn(LocalDate.of(2026, 3, 6), CHICAGO)).isEmpty();
        assertThat(WEEKENDS_24H.slotOn(LocalDate.of(2026, 3, 7), CHICAGO)).isPresent();
    }

    @Test
    void theSlotOnTheSpringForwardWeekendLasts23RealHours() {
        SlotInterval saturday = WEEKENDS_24H.slotOn(LocalDate.of(2026, 3, 7), CHICAGO).orElseThrow();

        assertThat(Duration.between(saturday.startInstant(), saturday.endInstant())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void daysAreStoredInWeekOrderAndReadBackUnchanged() {
        String encoded = ShiftPattern.encodeDays(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

        assertThat(encoded).isEqualTo("MONDAY,FRIDAY,SUNDAY");
        assertThat(ShiftPattern.decodeDays(encoded)).containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, DayOfWeek.SUNDAY);
        assertThat(ShiftPattern.decodeDays("")).isEmpty();
    }
}
