package app.rota.notifier.send;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Where SMS go: Twilio, or the log when no Twilio credentials are configured. */
public interface SmsGateway {

    /** What became of one attempt. */
    sealed interface Outcome permits Accepted, Transient, Permanent {
    }

    /** Twilio accepted it ({@code sid} null when only logged). */
    record Accepted(String sid) implements Outcome {
    }

    /** Worth another attempt (5xx, 429, timeout, connection failure); {@code retryAfter} when Twilio said so. */
    record Transient(String code, String message, Duration retryAfter) implements Outcome {
    }

    /** Will never work as it is (invalid or unreachable number, unsubscribed, refused credentials). */
    record Permanent(String code, String message) implements Outcome {
    }

    Outcome send(String to, String body);

    /**
     * After a crash between "handed to Twilio" and "answer recorded": the SID of a message Twilio already has
     * for this number with this body, created at or after {@code since}, if any.
     */
    Optional<String> findSent(String to, String body, Instant since);

    /** Whether messages really leave (false: logged only). */
    boolean sends();
}
