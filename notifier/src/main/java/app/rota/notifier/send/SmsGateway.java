package app.rota.notifier.send;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Where SMS go: Twilio, or the log when no Twilio credentials are configured. */
public interface SmsGateway {

    /** What became of one attempt. */
    sealed interface Outcome permits Accepted, Transient, Permanent, Unknown {
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

    /**
     * The request went out but no answer came back that says what became of it (the answer timed out, the
     * connection broke after sending, the answer could not be read): Twilio may have the message. Never sent
     * again blindly: the row stays SENDING and is looked up in Twilio's list like one whose sender died.
     */
    record Unknown(String code, String message) implements Outcome {
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
