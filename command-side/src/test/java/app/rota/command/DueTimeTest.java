package app.rota.command;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DueTimeTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void aDeadlineDeliveredEarlyWaitsForItsInstant() {
        Instant due = clock.instant().plusMillis(300);

        DueTime.waitUntil(due, clock);

        assertThat(clock.instant()).isAfterOrEqualTo(due);
    }

    @Test
    void aDeadlineDeliveredOnTimeOrLateOrWithoutAnInstantGoesAtOnce() {
        long began = System.nanoTime();
        DueTime.waitUntil(clock.instant().minusSeconds(5), clock);
        DueTime.waitUntil(null, clock);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(100));
    }
}
