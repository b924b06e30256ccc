package app.rota.notifier.send;

import app.rota.notifier.TwilioProperties;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Sends through Twilio's Messages API with the SDK, one HTTP request per attempt (see {@link TwilioHttp}). */
final class TwilioGateway implements SmsGateway {

    private final TwilioRestClient client;
    private final TwilioProperties twilio;
    private final URI statusCallback;

    TwilioGateway(TwilioProperties twilio, String publicBaseUrl) {
        this.twilio = twilio;
        this.client = new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken())
                .httpClient(new TwilioHttp(twilio.apiBaseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .build();
        this.statusCallback = URI.create(publicBaseUrl.replaceAll("/+$", "") + "/api/v1/sms/status");
    }

    @Override
    public Outcome send(String to, String body) {
        try {
            Message message = Message.creator(new PhoneNumber(to), new PhoneNumber(twilio.fromNumber()), body)
                    .setStatusCallback(statusCallback)
                    .create(client);
            return new Accepted(message.getSid());
        } catch (ApiConnectionException e) {
            if (e.getCause() != null && TwilioHttp.nothingSent(e.getCause())) {
                return new Transient("CONNECTION", e.getMessage(), null);
            }
            // Sent, but what became of it is not known: Twilio may have it. Looked up before any new attempt.
            return new Unknown("NO_ANSWER", e.getMessage());
        } catch (ApiException e) {
            int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
            String code = e.getCode() == null ? "HTTP_" + status : String.valueOf(e.getCode());
            if (status == 0 && e.getCause() != null) {
                // A success answer the SDK could not read (its JSON failed to parse): Twilio may have the message.
                return new Unknown("UNREADABLE_ANSWER", e.getMessage());
            }
            if (status == 429 || status >= 500 || status == 0) {
                return new Transient(code, e.getMessage(), TwilioHttp.lastRetryAfter());
            }
            // any other 4xx: the request itself is refused (invalid, unreachable or landline number, 21610
            // unsubscribed, blocked, bad credentials); the same request would be refused again
            return new Permanent(code, e.getMessage());
        }
    }

    @Override
    public Optional<String> findSent(String to, String body, Instant since) {
        var page = Message.reader().setTo(new PhoneNumber(to)).setFrom(new PhoneNumber(twilio.fromNumber())).setPageSize(50L)
                .firstPage(client);
        for (Message message : page.getRecords()) {
            boolean recent = message.getDateCreated() == null || !message.getDateCreated().toInstant().isBefore(since);
            if (recent && body.equals(message.getBody())) {
                return Optional.ofNullable(message.getSid());
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean sends() {
        return true;
    }
}
