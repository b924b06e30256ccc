package app.rota.ops.security;

import app.rota.ops.web.RetryLaterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();

    @Test
    void anAddressThatFailsTooOftenIsHeldUpWhateverUsernameItTries() {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user-" + i, "203.0.113.7");
        }

        assertThatThrownBy(() -> throttle.checkAllowed("someone-new", "203.0.113.7"))
                .isInstanceOfSatisfying(RetryLaterException.class, e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 600L));
        assertThatCode(() -> throttle.checkAllowed("someone-new", "198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void aUsernameIsHeldUpFromEveryAddressAndCaseDoesNotMatter() {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_USERNAME; i++) {
            throttle.failed("Ada", "198.51.100." + i);
        }

        assertThatThrownBy(() -> throttle.checkAllowed("ada", "192.0.2.1")).isInstanceOf(RetryLaterException.class);
        assertThatCode(() -> throttle.checkAllowed("bob", "192.0.2.1")).doesNotThrowAnyException();
    }
}
