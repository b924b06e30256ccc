package app.rota.notifier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the notifier sends ({@code rota.sms.*}).
 *
 * @param maxPerSecond     most SMS handed to Twilio per second by one node (Twilio's limit depends on the sender number)
 * @param senders          SMS handed to Twilio in parallel by one node
 * @param maxAttempts      attempts before a message that keeps failing transiently ends FAILED
 * @param firstRetry       delay before the second attempt; doubled for each later one
 * @param maxRetryDelay    longest delay between two attempts
 * @param stuckAfter       a message handed to Twilio this long ago with no answer recorded is looked up and retried
 * @param inboundPerMinute replies accepted from one number per minute; more are ignored (SMS pumping)
 */
@ConfigurationProperties("rota.sms")
public record SmsProperties(@DefaultValue("10") int maxPerSecond,
                            @DefaultValue("4") int senders,
                            @DefaultValue("8") int maxAttempts,
                            @DefaultValue("PT30S") Duration firstRetry,
                            @DefaultValue("PT30M") Duration maxRetryDelay,
                            @DefaultValue("PT2M") Duration stuckAfter,
                            @DefaultValue("10") int inboundPerMinute) {

    /** The delay after a failed attempt number {@code attempts} (1-based): first, doubled each time, capped. */
    public Duration retryDelay(int attempts) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
