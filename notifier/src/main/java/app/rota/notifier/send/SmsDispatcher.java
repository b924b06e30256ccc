package app.rota.notifier.send;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.member.OptOutOfSmsCommand;
import app.rota.notifier.NotifierMetrics;
import app.rota.notifier.SmsProperties;
import app.rota.notifier.outbox.Outbox;
import app.rota.notifier.outbox.Outbox.Row;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hands due outbox rows to the gateway, never inside an event handler or a database transaction: a row is
 * claimed (SENDING, attempt counted) and committed first, then sent, then its answer recorded.
 *
 * <ul>
 *   <li>Accepted: SENT with Twilio's SID.</li>
 *   <li>Transient (5xx, 429, timeout): PENDING again after an exponential back-off (or Twilio's Retry-After,
 *       when longer); FAILED once {@code maxAttempts} are used.</li>
 *   <li>Permanent (invalid or unreachable number, 21610 unsubscribed…): FAILED at once; 21610 also opts the
 *       member out, as an event on the member.</li>
 *   <li>Unknown (sent, but no readable answer: Twilio's answer timed out, the connection broke after the
 *       request went out): left SENDING with the error noted, and looked up like a stuck one below; never
 *       sent again blindly, since Twilio may have it.</li>
 *   <li>Moot (its shift started or ended while it waited): FAILED with {@code MOOT}, never sent.</li>
 *   <li>Stuck in SENDING (the node died between handing it over and recording the answer): looked up in
 *       Twilio's message list; SENT if Twilio has it, otherwise sent again.</li>
 * </ul>
 */
@Component
public class SmsDispatcher implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);
    private static final int BATCH = 50;
    /** One drain stops after this long so the recurring job comes round again (and other jobs get a worker). */
    private static final Duration DRAIN_BUDGET = Duration.ofMinutes(4);

    private final Outbox outbox;
    private final SmsGateway gateway;
    private final SmsProperties settings;
    private final NotifierMetrics metrics;
    private final CommandGateway commands;
    private final Clock clock;
    private final Bucket rate;
    private final ExecutorService senders;

    SmsDispatcher(Outbox outbox, SmsGateway gateway, SmsProperties settings, NotifierMetrics metrics, CommandGateway commands, Clock clock) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.settings = settings;
        this.metrics = metrics;
        this.commands = commands;
        this.clock = clock;
        int perSecond = Math.max(1, settings.maxPerSecond());
        this.rate = Bucket.builder().addLimit(Bandwidth.builder().capacity(perSecond)
                .refillGreedy(perSecond, Duration.ofSeconds(1)).build()).build();
        this.senders = Executors.newFixedThreadPool(Math.max(1, settings.senders()), runnable -> {
            Thread thread = new Thread(runnable, "sms-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }

    /** Sends everything due now; returns how many messages were handed over. */
    public int drain() {
        Instant started = clock.instant();
        recoverStuck();
        outbox.failMoot(clock.instant());
        int handed = 0;
        while (Duration.between(started, clock.instant()).compareTo(DRAIN_BUDGET) < 0) {
            List<Row> batch = outbox.claimDue(clock.instant(), BATCH);
            if (batch.isEmpty()) {
                break;
            }
            List<Future<?>> running = new ArrayList<>();
            for (Row row : batch) {
                running.add(senders.submit(() -> sendOne(row)));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return handed;
                } catch (Exception e) {
                    log.error("An SMS send failed unexpectedly", e);
                }
            }
            handed += batch.size();
        }
        return handed;
    }

    private void sendOne(Row row) {
        try {
            rate.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outbox.markRetry(row.id(), clock.instant(), "INTERRUPTED", "The sender stopped before sending.", clock.instant());
            return;
        }
        // the claim may be old by now (a slow batch): restart its clock, and give up if recovery took the row meanwhile
        if (!outbox.startSending(row.id(), row.sendingSince(), clock.instant())) {
            return;
        }
        long began = System.nanoTime();
        SmsGateway.Outcome outcome;
        try {
            outcome = gateway.send(row.toPhone(), row.body());
        } catch (RuntimeException e) {
            outcome = new SmsGateway.Transient("ERROR", e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
        metrics.sendLatency(Duration.ofNanos(System.nanoTime() - began));
        record(row, outcome);
    }

    private void record(Row row, SmsGateway.Outcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof SmsGateway.Accepted accepted) {
            outbox.markSent(row.id(), accepted.sid(), now);
            metrics.outcome(row.purpose(), "sent");
        } else if (outcome instanceof SmsGateway.Transient failure) {
            if (row.attempts() >= settings.maxAttempts()) {
                outbox.markFailed(row.id(), failure.code(), "Gave up after " + row.attempts() + " attempts: " + failure.message(), now);
                metrics.outcome(row.purpose(), "failed");
            } else {
                Duration delay = settings.retryDelay(row.attempts());
                if (failure.retryAfter() != null && failure.retryAfter().compareTo(delay) > 0) {
                    delay = failure.retryAfter();
                }
                outbox.markRetry(row.id(), now.plus(delay), failure.code(), failure.message(), now);
                metrics.outcome(row.purpose(), "retried");
            }
        } else if (outcome instanceof SmsGateway.Unknown unknown) {
            outbox.markUnknown(row.id(), unknown.code(), unknown.message(), now);
            metrics.outcome(row.purpose(), "unknown");
            log.warn("SMS {}: no answer from Twilio ({}); it will be looked up in Twilio's list before any new attempt",
                    row.id(), unknown.code());
        } else if (outcome instanceof SmsGateway.Permanent failure) {
            outbox.markFailed(row.id(), failure.code(), failure.message(), now);
            metrics.outcome(row.purpose(), "failed");
            if ("21610".equals(failure.code())) {
                optOut(row);
            }
        }
    }

    /** Twilio says the number unsubscribed (it texted STOP to Twilio directly): the member is opted out, as an event. */
    private void optOut(Row row) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new OptOutOfSmsCommand(row.memberId(), row.groupId(), "TWILIO_21610"))
                    .andMetaData(Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, "system", ActorMetadata.ACTOR_NAME, "system",
                            ActorMetadata.ACTOR_ROLE, "SYSTEM", ActorMetadata.ACTOR_SOURCE, ActorMetadata.Source.SYSTEM.name())));
        } catch (RuntimeException e) {
            log.warn("Could not record the opt-out of member {} after Twilio error 21610", row.memberId(), e);
        }
    }

    private void recoverStuck() {
        Instant now = clock.instant();
        for (Row row : outbox.stuckSending(now.minus(settings.stuckAfter()), 200)) {
            try {
                var sid = gateway.findSent(row.toPhone(), row.body(), row.sendingSince().minus(Duration.ofMinutes(1)));
                if (sid.isPresent()) {
                    outbox.markSent(row.id(), sid.get(), now);
                    metrics.outcome(row.purpose(), "sent");
                    log.info("SMS {} found at Twilio after an interrupted send: recorded as sent", row.id());
                } else if (row.attempts() >= settings.maxAttempts()) {
                    outbox.markFailed(row.id(), "STUCK", "The send was interrupted and attempts are used up.", now);
                    metrics.outcome(row.purpose(), "failed");
                } else {
                    outbox.markRetry(row.id(), now, "INTERRUPTED", "The send was interrupted; Twilio does not have it; sending again.", now);
                }
            } catch (RuntimeException e) {
                log.warn("Could not look up interrupted SMS {} at Twilio; will try again", row.id(), e);
            }
        }
    }
}
