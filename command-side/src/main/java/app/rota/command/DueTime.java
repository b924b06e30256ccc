package app.rota.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * JobRunr enqueues a scheduled job up to one poll interval (5 s) before its time, so an Axon deadline can
 * reach its handler a few seconds early. A deadline handler whose meaning depends on the instant (a
 * coverage request is unfilled only once its shift has started) waits for it first.
 */
public final class DueTime {

    /** Longest wait: JobRunr is early by at most its poll interval; anything more is not this case. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private DueTime() {
    }

    /** Returns once {@code due} (null: at once) has passed on {@code clock}. */
    public static void waitUntil(Instant due, Clock clock) {
        if (due == null) {
            return;
        }
        Duration left = Duration.between(clock.instant(), due);
        if (left.isNegative() || left.isZero()) {
            return;
        }
        try {
            Thread.sleep(Math.min(left.toMillis() + 1, MAX_WAIT.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a deadline's time", e);
        }
    }
}
