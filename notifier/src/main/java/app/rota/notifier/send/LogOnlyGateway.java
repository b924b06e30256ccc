package app.rota.notifier.send;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/** Without Twilio credentials: each SMS is written to the log (number masked) and recorded as SENT. */
final class LogOnlyGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LogOnlyGateway.class);

    @Override
    public Outcome send(String to, String body) {
        log.info("SMS (log only, not sent) to {}: {}", PhoneMask.mask(to), body);
        return new Accepted(null);
    }

    @Override
    public Optional<String> findSent(String to, String body, Instant since) {
        return Optional.empty();
    }

    @Override
    public boolean sends() {
        return false;
    }
}
