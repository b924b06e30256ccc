package app.rota.ops.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Twilio as the integration tests see it: WireMock answering the Messages API like Twilio (201 with a new
 * SID), recording what was sent, and signing webhooks the way Twilio does.
 */
public final class FakeTwilio {

    public static final String ACCOUNT_SID = "ACtest0000000000000000000000000000";
    public static final String AUTH_TOKEN = "test-auth-token-0123456789";
    public static final String FROM = "+15005550006";
    public static final String PUBLIC_BASE_URL = "https://rota.example.test";
    public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static final FakeTwilio SHARED = new FakeTwilio();

    private final WireMockServer server;

    private FakeTwilio() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        acceptAll();
    }

    public static FakeTwilio shared() {
        return SHARED;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    /** The default: every message accepted with a fresh SID, as Twilio answers. */
    public void acceptAll() {
        server.stubFor(post(urlEqualTo(MESSAGES)).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"sid": "SM{{randomValue length=32 type='ALPHANUMERIC'}}", "status": "queued", "account_sid": "%s", "num_segments": "1"}
                        """.formatted(ACCOUNT_SID))));
    }

    /** Bodies of the SMS sent to {@code to}, in order. */
    public List<String> sentTo(String to) {
        return server.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .map(FakeTwilio::form)
                .filter(form -> to.equals(form.get("To")))
                .map(form -> form.get("Body"))
                .toList();
    }

    /** Every form posted to the Messages API for {@code to}. */
    public List<Map<String, String>> requestsTo(String to) {
        return server.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .map(FakeTwilio::form)
                .filter(form -> to.equals(form.get("To")))
                .toList();
    }

    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** X-Twilio-Signature as Twilio computes it: HMAC-SHA1 over the URL and the sorted fields, base64. */
    public static String signature(String path, Map<String, String> form) {
        StringBuilder data = new StringBuilder(PUBLIC_BASE_URL + path);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static WireMock client() {
        return new WireMock(SHARED.server.port());
    }
}
