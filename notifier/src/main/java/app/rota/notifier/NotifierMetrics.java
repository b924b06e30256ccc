package app.rota.notifier;

import app.rota.kernel.notification.NotificationPurpose;
import app.rota.notifier.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * The notifier's metrics. Tags are bounded: purpose, outcome and status are enums; no phone number,
 * member or message id is ever a tag.
 * <ul>
 *   <li>{@code rota_sms_total{purpose,outcome}}: attempts by outcome (sent, retried, failed, unknown: sent without a readable answer, looked up later) and messages skipped;</li>
 *   <li>{@code rota_sms_delivery_total{status}}: Twilio's delivery callbacks applied (SENT, DELIVERED, UNDELIVERED, FAILED);</li>
 *   <li>{@code rota_sms_outbox_pending} and {@code rota_sms_outbox_oldest_pending_seconds}: due and not yet sent;</li>
 *   <li>{@code rota_sms_send_seconds}: time Twilio takes to answer one send;</li>
 *   <li>{@code rota_sms_inbound_total{result}}: replies received, by what came of them.</li>
 * </ul>
 */
@Component
public class NotifierMetrics {

    private final MeterRegistry registry;
    private final Timer sendLatency;

    NotifierMetrics(MeterRegistry registry, Outbox outbox, Clock clock) {
        this.registry = registry;
        this.sendLatency = Timer.builder("rota.sms.send").description("Time Twilio takes to answer one send")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("rota.sms.outbox.pending", outbox, Outbox::pendingCount)
                .description("SMS due and not yet handed to Twilio").register(registry);
        Gauge.builder("rota.sms.outbox.oldest.pending.seconds", outbox, o -> o.oldestPendingSeconds(clock.instant()))
                .description("How long the oldest due SMS has waited").register(registry);
    }

    public void outcome(NotificationPurpose purpose, String outcome) {
        Counter.builder("rota.sms").description("SMS attempts and skips by purpose and outcome")
                .tag("purpose", purpose.name()).tag("outcome", outcome).register(registry).increment();
    }

    public void delivery(String status) {
        Counter.builder("rota.sms.delivery").description("Twilio delivery status callbacks applied")
                .tag("status", status).register(registry).increment();
    }

    public void inbound(String result) {
        Counter.builder("rota.sms.inbound").description("SMS replies received, by result")
                .tag("result", result).register(registry).increment();
    }

    public void sendLatency(Duration duration) {
        sendLatency.record(duration);
    }
}
