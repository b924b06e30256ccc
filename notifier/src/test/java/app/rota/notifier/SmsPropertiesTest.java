package app.rota.notifier;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SmsPropertiesTest {

    private final SmsProperties settings = new SmsProperties(10, 4, 8, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofMinutes(2), 10);

    @Test
    void theDelayDoublesAfterEachFailedAttemptUpToTheCap() {
        assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryDelay(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(settings.retryDelay(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.retryDelay(60)).isEqualTo(Duration.ofMinutes(30));
    }
}
