package app.rota.notifier.send;

import app.rota.notifier.TwilioProperties;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The Twilio adapter against WireMock speaking Twilio's Messages API: one request per attempt, and what each answer means. */
class TwilioGatewayTest {

    private static final String SID = "ACtest0000000000000000000000000000";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

    private WireMockServer twilio;
    private SmsGateway gateway;

    @BeforeEach
    void twilioOnWireMock() {
        twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        twilio.start();
        gateway = SmsGateways.of(new TwilioProperties(SID, "token", "+15005550006", twilio.baseUrl()), "https://rota.example.test/");
    }

    @AfterEach
    void stop() {
        twilio.stop();
    }

    @Test
    void anAcceptedMessageReturnsItsSidAndCarriesTheStatusCallback() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(201, "{\"sid\":\"SM123\",\"status\":\"queued\"}")));

        assertThat(gateway.send("+13125550101", "Rota: hello")).isEqualTo(new SmsGateway.Accepted("SM123"));

        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=%2B13125550101"))
                .withRequestBody(containing("From=%2B15005550006"))
                .withRequestBody(containing("StatusCallback=https%3A%2F%2Frota.example.test%2Fapi%2Fv1%2Fsms%2Fstatus"))
                .withHeader("Authorization", containing("Basic ")));
    }

    @Test
    void aServerErrorIsTransientAndIsNotRepeatedBehindTheSendersBack() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(500, "{\"code\":20500,\"message\":\"Internal error\",\"status\":500}")));

        SmsGateway.Outcome outcome = gateway.send("+13125550101", "Rota: hello");

        assertThat(outcome).isInstanceOf(SmsGateway.Transient.class);
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void tooManyRequestsIsTransientWithTwiliosRetryAfter() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}")
                .withHeader("Retry-After", "7")));

        SmsGateway.Outcome outcome = gateway.send("+13125550101", "Rota: hello");

        assertThat(outcome).isInstanceOf(SmsGateway.Transient.class);
        assertThat(((SmsGateway.Transient) outcome).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void anUnsubscribedOrInvalidNumberIsPermanentWithTwiliosCode() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(400,
                "{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\",\"status\":400}")));

        assertThat(gateway.send("+13125550101", "Rota: hello")).isEqualTo(
                new SmsGateway.Permanent("21610", "Attempt to send to unsubscribed recipient"));
    }

    @Test
    void aTwilioThatDoesNotAnswerWithinTenSecondsLeavesTheOutcomeUnknownNotFailed() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(201, "{\"sid\":\"SM1\"}").withFixedDelay(12_000)));
        long began = System.nanoTime();

        SmsGateway.Outcome outcome = gateway.send("+13125550101", "Rota: hello");

        assertThat(outcome).as("Twilio may have it: looked up later, never resent blindly").isInstanceOf(SmsGateway.Unknown.class);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(12));
    }

    @Test
    void aMessageTwilioAlreadyHasIsFoundInItsListByNumberAndBody() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo("+13125550101")).willReturn(json(200, """
                {"messages": [
                  {"sid": "SMother", "body": "Rota: something else", "to": "+13125550101", "date_created": "Mon, 30 Nov 2026 20:00:00 +0000"},
                  {"sid": "SMfound", "body": "Rota: hello", "to": "+13125550101", "date_created": "Mon, 30 Nov 2026 20:00:05 +0000"}],
                 "first_page_uri": "%1$s", "next_page_uri": null, "previous_page_uri": null, "uri": "%1$s", "page": 0, "page_size": 50, "start": 0, "end": 1}
                """.formatted(MESSAGES))));

        assertThat(gateway.findSent("+13125550101", "Rota: hello", Instant.parse("2026-11-30T19:59:00Z"))).contains("SMfound");
        assertThat(gateway.findSent("+13125550101", "Rota: hello", Instant.parse("2026-11-30T20:01:00Z"))).as("too old").isEmpty();
        assertThat(gateway.findSent("+13125550101", "Rota: not sent", Instant.parse("2026-11-30T19:59:00Z"))).isEmpty();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
