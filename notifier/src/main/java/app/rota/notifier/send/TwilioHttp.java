package app.rota.notifier.send;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP client the Twilio SDK talks through. It makes each request exactly once: the SDK's own client
 * repeats a POST up to three times on a 5xx, which can send an SMS twice, since Twilio has no idempotency
 * key. Retries are the sender's, with back-off and a record of every attempt. Timeouts are short (connect
 * 5 s, answer 10 s) so a hung Twilio never holds a sender for the SDK's 30 s. Requests to
 * {@code https://*.twilio.com} go to {@code apiBaseUrl} when it is set to something else (tests use a fake).
 */
final class TwilioHttp extends HttpClient {

    private static final ThreadLocal<Duration> RETRY_AFTER = new ThreadLocal<>();

    private final java.net.http.HttpClient http;
    private final String apiBaseUrl;
    private final Duration answerTimeout;

    TwilioHttp(String apiBaseUrl, Duration connectTimeout, Duration answerTimeout) {
        this.apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? null : apiBaseUrl.replaceAll("/+$", "");
        this.answerTimeout = answerTimeout;
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        RETRY_AFTER.remove();
        String url = rewrite(request.constructURL().toString());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(answerTimeout)
                .header("Accept", "application/json").header("User-Agent", "rota-twilio");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.DELETE) {
            builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
            builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            List<Header> headers = new ArrayList<>();
            response.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new BasicHeader(name, v))));
            response.headers().firstValue("Retry-After").ifPresent(value -> RETRY_AFTER.set(retryAfter(value)));
            return new Response(response.body(), response.statusCode(), headers.toArray(Header[]::new));
        } catch (IOException e) {
            throw new ApiConnectionException((nothingSent(e) ? "Twilio could not be reached: " : "No answer from Twilio: ")
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted while calling Twilio", e);
        }
    }

    /**
     * Whether a failed request certainly never reached Twilio: the connection was refused or not made in time.
     * Any other failure (no answer in time, a connection that broke after the request was written, an interrupt)
     * leaves it open whether Twilio has the message.
     */
    static boolean nothingSent(Throwable failure) {
        return failure instanceof java.net.ConnectException || failure instanceof java.net.http.HttpConnectTimeoutException;
    }

    /** The Retry-After of this thread's last answer, if it had one. */
    static Duration lastRetryAfter() {
        return RETRY_AFTER.get();
    }

    private static Duration retryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String rewrite(String url) {
        if (apiBaseUrl == null) {
            return url;
        }
        URI uri = URI.create(url);
        if (uri.getHost() == null || !uri.getHost().endsWith("twilio.com")) {
            return url;
        }
        String rest = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return apiBaseUrl + rest;
    }
}
