package app.rota.notifier.inbound;

import app.rota.notifier.NotifierMetrics;
import app.rota.notifier.SmsProperties;
import app.rota.notifier.outbox.Outbox;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twilio's webhooks. Both verify {@code X-Twilio-Signature} first (403 and nothing done otherwise); neither
 * needs a login. Inbound replies from one number are limited per minute: beyond the limit they are ignored
 * and answered with an empty TwiML response (no SMS back), so a pumping attack costs no outbound SMS.
 */
@RestController
@RequestMapping("/api/v1/sms")
@Tag(name = "SMS webhooks")
class SmsWebhookController {

    static final String INBOUND = "/api/v1/sms/inbound";
    static final String STATUS = "/api/v1/sms/status";

    private final TwilioSignatures signatures;
    private final Replies replies;
    private final Outbox outbox;
    private final NotifierMetrics metrics;
    private final Clock clock;
    private final int perMinute;
    private final Cache<String, Bucket> inboundLimits = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    SmsWebhookController(TwilioSignatures signatures, Replies replies, Outbox outbox, NotifierMetrics metrics,
                         SmsProperties settings, Clock clock) {
        this.signatures = signatures;
        this.replies = replies;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.perMinute = Math.max(1, settings.inboundPerMinute());
    }

    /** A member's reply (From, Body, MessageSid…): acted on, answered in TwiML. */
    @PostMapping(path = "/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> inbound(HttpServletRequest request,
                                   @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> form = form(request);
        signatures.require(INBOUND, form, signature);
        String from = form.get("From");
        if (from != null && !inboundLimits.get(from, number -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsume(1)) {
            metrics.inbound("throttled");
            return twiml(null);
        }
        Replies.Answer answer = replies.answer(from, form.get("Body"), form.get("MessageSid"));
        metrics.inbound(answer.result());
        return twiml(answer.text());
    }

    /** Twilio's delivery status callback (MessageSid, MessageStatus, ErrorCode): statuses only move forward. */
    @PostMapping(path = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(HttpServletRequest request,
                                @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> form = form(request);
        signatures.require(STATUS, form, signature);
        outbox.deliveryStatus(form.get("MessageSid"), form.get("MessageStatus"), form.get("ErrorCode"), clock.instant())
                .ifPresent(status -> metrics.delivery(status.name()));
        return ResponseEntity.noContent().build();
    }

    private static Map<String, String> form(HttpServletRequest request) {
        Map<String, String> form = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? "" : values[0]));
        return form;
    }

    private static ResponseEntity<String> twiml(String text) {
        MessagingResponse.Builder response = new MessagingResponse.Builder();
        if (text != null) {
            response.message(new com.twilio.twiml.messaging.Message.Builder().body(new Body.Builder(text).build()).build());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(response.build().toXml());
    }
}
