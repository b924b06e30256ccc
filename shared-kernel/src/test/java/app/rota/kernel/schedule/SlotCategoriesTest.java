package app.rota.kernel.schedule;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SlotCategoriesTest {

    /** Monday 2 March 2026. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void weekendOrHolidayMeansSaturdaySundayOrOneOfTheGroupsHolidays() {
        Set<LocalDate> holidays = Set.of(MONDAY);

        assertThat(SlotCategories.isWeekendOrHoliday(MONDAY, holidays)).isTrue();
        assertThat(SlotCategories.isWeekendOrHoliday(MONDAY.plusDays(1), holidays)).isFalse();
        assertThat(SlotCategories.isWeekendOrHoliday(MONDAY.plusDays(5), holidays)).isTrue();
        assertThat(SlotCategories.isWeekendOrHoliday(MONDAY.plusDays(6), holidays)).isTrue();
    }

    @Test
    void aLeapDayOnASaturdayIsAWeekendDay() {
        assertThat(SlotCategories.isWeekend(LocalDate.of(2020, 2, 29))).isTrue();
        assertThat(SlotCategories.isWeekend(LocalDate.of(2028, 2, 29))).isFalse();
    }
}
