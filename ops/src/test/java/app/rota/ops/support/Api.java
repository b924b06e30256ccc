package app.rota.ops.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Drives Rota's HTTP API the way a client does: real requests on a real port. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public record Response(int status, String contentType, String location, String correlationId, String retryAfter,
                           String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** A GET that asks for another representation, e.g. {@code text/csv}. */
    public Response get(String path, String token, String accept) {
        return send(request(path, token).header("Accept", accept).GET());
    }

    /** A POST that names its own correlation id, as a client tracing its requests would. */
    public Response post(String path, String token, String body, String correlationId) {
        return send(request(path, token).header("Content-Type", "application/json").header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form POST as Twilio's webhooks send it, with {@code signature} as X-Twilio-Signature when not null. */
    public Response twilioWebhook(String path, java.util.Map<String, String> form, String signature) {
        String body = form.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        HttpRequest.Builder builder = request(path, null).header("Content-Type", "application/x-www-form-urlencoded");
        if (signature != null) {
            builder.header("X-Twilio-Signature", signature);
        }
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response patch(String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public String login(String username, String password) {
        Response response = post("/api/v1/auth/login", null,
                JSON.writeValueAsString(java.util.Map.of("username", username, "password", password)));
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return response.text("token");
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("X-Correlation-Id").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
