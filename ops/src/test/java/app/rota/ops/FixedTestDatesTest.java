package app.rota.ops;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration tests that need "a day safely in the future" use fixed dates in 2038 (same weekdays and DST
 * changes as 2027; 2037 has those of 2026). Fail a year before the first of them starts, not when they do.
 */
class FixedTestDatesTest {

    private static final LocalDate FIRST_FIXED_DATE = LocalDate.of(2038, 1, 1);

    @Test
    void theFixedDatesOfTheIntegrationTestsAreStillMoreThanAYearAhead() {
        assertThat(LocalDate.now(ZoneOffset.UTC))
                .as("move the fixed 2038 dates of the ops tests on by 28 years (same weekdays and DST changes) before they start")
                .isBefore(FIRST_FIXED_DATE.minusYears(1));
    }
}
