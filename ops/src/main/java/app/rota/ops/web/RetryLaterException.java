package app.rota.ops.web;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;

import java.time.Duration;

/** A refusal that will not last: answered with a {@code Retry-After} header (429 throttled, 503 unavailable). */
public class RetryLaterException extends RotaException {

    private final Duration retryAfter;

    public RetryLaterException(ErrorCode code, String detail, Duration retryAfter) {
        super(code, detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1, as the {@code Retry-After} header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }
}
