package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.FakeTwilio;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import app.rota.ops.support.SmsFixtures;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMS on the real stack, with WireMock as Twilio: who is told what, offers answered by reply, signatures,
 * STOP and START, delivery callbacks, Twilio failing for a while, quiet hours, the log and its permissions,
 * and a replay of the notifier that sends nothing twice.
 */
class SmsApiTest extends RotaIntegrationTest {

    private static final String DAY_1 = "2038-06-07";
    private static final String DAY_2 = "2038-06-08";
    private static final Duration WAIT = SmsFixtures.WAIT;

    @Autowired
    private EventProcessingConfiguration processing;

    private final FakeTwilio twilio = FakeTwilio.shared();
    private String admin;
    private ScheduleFixtures fixtures;
    private String group;
    private String primary;
    private SmsFixtures sms;

    @BeforeEach
    void aGroupWithoutQuietHours() {
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("America/Chicago");
        sms = new SmsFixtures(api, jdbc, admin, group);
        sms.noQuietHours();
        primary = fixtures.shiftType(group, "Primary", "08:00", 24);
    }

    @Test
    void anAdminsAssignmentTextsTheNewHolderAndThePreviousOneNamingTheShiftTypeAndLocalDate() {
        SmsFixtures.Member ann = sms.member("Ann", "MEMBER");
        SmsFixtures.Member bob = sms.member("Bob", "MEMBER");

        assertThat(fixtures.assign(group, primary, DAY_1, ann.id()).status()).isEqualTo(200);
        List<String> toAnn = sms.awaitSms(ann, 1);
        assertThat(toAnn.get(0)).contains("Primary").contains("Mon 7 Jun 2038").contains("08:00").startsWith("Rota Team:");

        assertThat(fixtures.assign(group, primary, DAY_1, bob.id()).status()).isEqualTo(200);
        assertThat(sms.awaitSms(bob, 1).get(0)).contains("you are now on Primary on Mon 7 Jun 2038");
        assertThat(sms.awaitSms(ann, 2).get(1)).contains("you are no longer on Primary on Mon 7 Jun 2038");

        JsonNode log = sms.awaitLog("?memberId=" + ann.id(), 2);
        JsonNode latest = log.at("/items/0");
        assertThat(latest.get("purpose").asString()).isEqualTo("UNASSIGNED");
        assertThat(latest.get("status").asString()).isEqualTo("SENT");
        assertThat(latest.get("twilioSid").asString()).startsWith("SM");
        assertThat(latest.get("to").asString()).isEqualTo(masked(ann.phone()));
        assertThat(latest.get("attempts").asInt()).isEqualTo(1);
        assertThat(latest.get("memberName").asString()).isEqualTo("Ann");
        assertThat(twilio.requestsTo(ann.phone()).get(0).get("StatusCallback")).isEqualTo(FakeTwilio.PUBLIC_BASE_URL + "/api/v1/sms/status");
    }

    @Test
    void aCorrectionOfThePastAndAnEditByTheMemberThemselfTextNobody() throws Exception {
        SmsFixtures.Member ann = sms.member("Ann", "MEMBER");
        SmsFixtures.Member boss = sms.memberWithLogin("Boss", "ADMIN");
        assertThat(fixtures.assign(group, primary, "2020-02-29", ann.id()).status()).as("a correction of the past").isEqualTo(200);
        assertThat(api.put(ScheduleFixtures.slot(group, primary, DAY_2), boss.token(), "{\"memberId\":\"" + boss.id() + "\"}").status())
                .isEqualTo(200);
        assertThat(fixtures.assign(group, primary, DAY_1, ann.id()).status()).isEqualTo(200);

        sms.awaitSms(ann, 1);
        Thread.sleep(6_000); // a dispatch round after the one that sent Ann's
        assertThat(twilio.sentTo(ann.phone())).as("only the future slot").hasSize(1);
        assertThat(twilio.sentTo(boss.phone())).as("the admin who assigned themself").isEmpty();
    }

    @Test
    void aSwapOfferCarriesACodeAndReplyingYesWithItAcceptsTheSwapAsTheMemberBySms() {
        SmsFixtures.Member ann = sms.memberWithLogin("Ann", "MEMBER");
        SmsFixtures.Member bob = sms.member("Bob", "MEMBER");
        fixtures.assign(group, primary, DAY_1, ann.id());
        fixtures.assign(group, primary, DAY_2, bob.id());
        Api.Response proposed = api.post("/api/v1/groups/" + group + "/swaps", ann.token(), "{\"fromSlot\":" + slot(DAY_1)
                + ",\"toSlot\":" + slot(DAY_2) + ",\"counterpartId\":\"" + bob.id() + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);

        String offer = sms.awaitSmsContaining(bob, "asks to swap");
        assertThat(offer).contains("Ann asks to swap their Primary on Mon 7 Jun 2038").contains("for your Primary on Tue 8 Jun 2038");
        String code = SmsFixtures.code(offer);

        Api.Response answer = sms.reply(bob, "  yes " + code + " ");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/xml");
        assertThat(answer.body()).contains("<Message>").contains("you accepted the swap");
        JsonNode swap = api.get("/api/v1/groups/" + group + "/swaps/" + proposed.text("id"), admin).json();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode read = api.get("/api/v1/groups/" + group + "/swaps/" + proposed.text("id"), admin).json();
            assertThat(read.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(read.at("/history/1/actor/source").asString()).isEqualTo("SMS");
        });
        assertThat(swap).isNotNull();
        assertThat(sms.awaitSmsContaining(ann, "your swap is done")).contains("you now hold Primary on Tue 8 Jun 2038");

        Api.Response again = sms.reply(bob, "YES " + code);
        assertThat(again.body()).as("the offer is closed").contains("no open offer has the code " + code);
    }

    @Test
    void anOpenShiftIsOfferedToEligibleMembersAndTheFirstYesClaimsIt() {
        SmsFixtures.Member ann = sms.member("Ann", "MEMBER");
        SmsFixtures.Member bob = sms.member("Bob", "MEMBER");
        Api.Response requested = api.post("/api/v1/groups/" + group + "/coverage-requests", admin,
                "{\"slot\":" + slot(DAY_1) + ",\"reason\":\"open shift\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);

        String toAnn = last(sms.awaitSms(ann, 1));
        String toBob = last(sms.awaitSms(bob, 1));
        assertThat(toAnn).contains("Primary on Mon 7 Jun 2038 from 08:00 needs cover").containsPattern("Reply YES \\d{4} to take it");

        assertThat(sms.reply(ann, "Y " + SmsFixtures.code(toAnn)).body()).contains("you claimed the shift");
        // the refusal is the domain's (COVERED cannot be claimed) until the notifier has closed the offer, then "no open offer"
        assertThat(sms.reply(bob, "YES " + SmsFixtures.code(toBob)).body()).as("already taken")
                .containsAnyOf("cannot be claimed", "no open offer has the code");
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/api/v1/groups/" + group + "/calendar?from=" + DAY_1 + "&to=" + DAY_1,
                admin).json().at("/slots/0/assignee/memberId").asString()).isEqualTo(ann.id()));
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedWith403AndNothingHappens() {
        SmsFixtures.Member ann = sms.member("Ann", "MEMBER");
        Map<String, String> form = SmsFixtures.inbound(ann.phone(), "STOP");
        long before = eventCount();

        Api.Response forged = api.twilioWebhook("/api/v1/sms/inbound", form, "bm90IGEgc2lnbmF0dXJl");
        Api.Response missing = api.twilioWebhook("/api/v1/sms/inbound", form, null);
        Map<String, String> status = Map.of("MessageSid", "SMnope", "MessageStatus", "delivered");
        Api.Response forgedStatus = api.twilioWebhook("/api/v1/sms/status", status, FakeTwilio.signature("/api/v1/sms/inbound", status));

        for (Api.Response response : List.of(forged, missing, forgedStatus)) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("SIGNATURE_INVALID");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void stopOptsTheMemberOutSoLaterSmsAreSkippedAndTheCalendarShowsItUntilStart() {
        SmsFixtures.Member ann = sms.member("Ann", "MEMBER");

        assertThat(sms.reply(ann, "stop").body()).contains("you will get no more SMS");
        assertThat(storedEvents("MemberOptedOutOfSmsEvent", ann.id())).isEqualTo(1);
        fixtures.assign(group, primary, DAY_1, ann.id());
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/api/v1/groups/" + group + "/calendar?from=" + DAY_1 + "&to=" + DAY_1,
                admin).json().at("/slots/0/assignee/reachableBySms").asBoolean()).isFalse());
        JsonNode skipped = sms.awaitLog("?memberId=" + ann.id() + "&purpose=ASSIGNED", 1).at("/items/0");
        assertThat(skipped.get("status").asString()).isEqualTo("SKIPPED");
        assertThat(skipped.get("errorCode").asString()).isEqualTo("OPTED_OUT");

        assertThat(sms.reply(ann, "START").body()).contains("you will get SMS from Rota again");
        assertThat(storedEvents("MemberOptedInToSmsEvent", ann.id())).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/api/v1/groups/" + group + "/calendar?from=" + DAY_1 + "&to=" + DAY_1,
                admin).json().at("/slots/0/assignee/reachableBySms").asBoolean()).isTrue());
        assertThat(sms.reply(ann, "HELP").body()).contains("Reply YES &lt;code&gt;");
    }

    @Test
    void statusCallbacksUpdateTheLogAndNeverMoveAMessageBackwards() {
        SmsFixtures.Member ann = sms.member("Ann", "MEMBER");
        fixtures.assign(group, primary, DAY_1, ann.id());
        JsonNode sent = sms.awaitLog("?memberId=" + ann.id() + "&status=SENT", 1).at("/items/0");
        String sid = sent.get("twilioSid").asString();

        assertThat(status(sid, "delivered", null).status()).isEqualTo(204);
        assertThat(status(sid, "sent", null).status()).as("late").isEqualTo(204);
        assertThat(status("SMunknown", "delivered", null).status()).isEqualTo(204);

        JsonNode after = api.get("/api/v1/groups/" + group + "/notifications?memberId=" + ann.id(), admin).json().at("/items/0");
        assertThat(after.get("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void twilioAnswering500Then429IsRetriedWithBackOffAndTheSmsArrivesOnce() {
        SmsFixtures.Member ann = sms.member("Ann", "MEMBER");
        String scenario = "outage-" + ann.id();
        String to = "To=" + java.net.URLEncoder.encode(ann.phone(), java.nio.charset.StandardCharsets.UTF_8);
        twilio.server().stubFor(post(urlEqualTo(FakeTwilio.MESSAGES)).atPriority(1).withRequestBody(containing(to))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("429")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}")));
        twilio.server().stubFor(post(urlEqualTo(FakeTwilio.MESSAGES)).atPriority(1).withRequestBody(containing(to))
                .inScenario(scenario).whenScenarioStateIs("429").willSetStateTo("up")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}")));

        fixtures.assign(group, primary, DAY_1, ann.id());

        JsonNode sent = sms.awaitLog("?memberId=" + ann.id() + "&status=SENT", 1).at("/items/0");
        assertThat(sent.get("attempts").asInt()).isEqualTo(3);
        assertThat(twilio.sentTo(ann.phone())).hasSize(3).containsOnly(sent.get("body").asString());
    }

    @Test
    void aPermanentRefusalFailsAtOnceAndAnUnsubscribedNumberIsOptedOut() {
        SmsFixtures.Member ann = sms.member("Ann", "MEMBER");
        String to = "To=" + java.net.URLEncoder.encode(ann.phone(), java.nio.charset.StandardCharsets.UTF_8);
        twilio.server().stubFor(post(urlEqualTo(FakeTwilio.MESSAGES)).atPriority(1).withRequestBody(containing(to))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\", \"status\": 400}")));

        fixtures.assign(group, primary, DAY_1, ann.id());

        JsonNode failed = sms.awaitLog("?memberId=" + ann.id() + "&status=FAILED", 1).at("/items/0");
        assertThat(failed.get("errorCode").asString()).isEqualTo("21610");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> storedEvents("MemberOptedOutOfSmsEvent", ann.id()) == 1);
    }

    @Test
    void quietHoursHoldANonUrgentSmsUntilTheyEndWhileAnUrgentOneGoesAtOnce() {
        ZoneId zone = ZoneId.of("America/Chicago");
        LocalTime now = ZonedDateTime.now(zone).toLocalTime().withSecond(0).withNano(0);
        LocalTime start = now.minusHours(1);
        LocalTime end = now.plusHours(1);
        assertThat(api.put("/api/v1/groups/" + group + "/settings", admin, "{\"quietHoursStart\":\"" + start + "\",\"quietHoursEnd\":\""
                + end + "\"}").status()).isEqualTo(200);
        SmsFixtures.Member ann = sms.member("Ann", "MEMBER");

        fixtures.assign(group, primary, DAY_1, ann.id());
        Api.Response test = api.post("/api/v1/groups/" + group + "/notifications/test", admin, "{\"memberId\":\"" + ann.id() + "\"}");
        assertThat(test.status()).as(test.body()).isEqualTo(202);

        JsonNode urgent = sms.awaitLog("?memberId=" + ann.id() + "&purpose=TEST&status=SENT", 1).at("/items/0");
        assertThat(urgent.get("id").asString()).isEqualTo(test.text("id"));
        JsonNode waiting = sms.awaitLog("?memberId=" + ann.id() + "&purpose=ASSIGNED", 1).at("/items/0");
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
        java.time.Instant notBefore = java.time.Instant.parse(waiting.get("notBefore").asString());
        ZonedDateTime localEnd = notBefore.atZone(zone);
        assertThat(localEnd.toLocalTime()).isEqualTo(end);
        assertThat(notBefore).isAfter(java.time.Instant.now());
        assertThat(twilio.sentTo(ann.phone())).hasSize(1);
    }

    @Test
    void theLogIsPagedAndFilteredMembersReadOnlyTheirOwnAndTheTestSmsIsForAdmins() {
        SmsFixtures.Member ann = sms.memberWithLogin("Ann", "MEMBER");
        SmsFixtures.Member bob = sms.member("Bob", "MEMBER");
        fixtures.assign(group, primary, DAY_1, ann.id());
        fixtures.assign(group, primary, DAY_2, bob.id());
        sms.awaitLog("?status=SENT", 2);

        JsonNode page = api.get("/api/v1/groups/" + group + "/notifications?size=1&page=1", admin).json();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("items")).hasSize(1);
        JsonNode own = api.get("/api/v1/groups/" + group + "/notifications?memberId=" + bob.id(), ann.token()).json();
        assertThat(own.get("total").asInt()).as("a member reads only their own").isEqualTo(1);
        assertThat(own.at("/items/0/memberId").asString()).isEqualTo(ann.id());

        assertRefused(() -> api.post("/api/v1/groups/" + group + "/notifications/test", ann.token(), "{\"memberId\":\"" + bob.id() + "\"}"),
                403, "ACCESS_DENIED", null);
        String otherGroup = fixtures.group("Europe/Paris");
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from ntf_group where group_id = ?::uuid", Integer.class, otherGroup) == 1);
        assertRefused(() -> api.post("/api/v1/groups/" + otherGroup + "/notifications/test", admin, "{\"memberId\":\"" + bob.id() + "\"}"),
                404, "MEMBER_NOT_FOUND", "memberId");
        assertRefused(() -> api.get("/api/v1/groups/" + group + "/notifications?size=501", admin), 400, "MALFORMED_REQUEST", "size");
    }

    @Test
    void replayingTheNotifierFromTheFirstEventSendsNothingTwice() {
        SmsFixtures.Member ann = sms.member("Ann", "MEMBER");
        fixtures.assign(group, primary, DAY_1, ann.id());
        sms.awaitSms(ann, 1);
        long rows = jdbc.queryForObject("select count(*) from ntf_message", Long.class);
        int requests = twilio.server().getAllServeEvents().size();

        TrackingEventProcessor notifier = processing.eventProcessor("notifier", TrackingEventProcessor.class).orElseThrow();
        notifier.shutDown();
        notifier.resetTokens();
        notifier.start();
        await().atMost(Duration.ofSeconds(120)).until(() -> !notifier.isReplaying());

        assertThat(jdbc.queryForObject("select count(*) from ntf_message", Long.class)).isEqualTo(rows);
        assertThat(twilio.sentTo(ann.phone())).hasSize(1);
        assertThat(twilio.server().getAllServeEvents().size()).isGreaterThanOrEqualTo(requests);
    }

    // ---- helpers ----

    private Api.Response status(String sid, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("MessageStatus", status);
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return api.twilioWebhook("/api/v1/sms/status", form, FakeTwilio.signature("/api/v1/sms/status", form));
    }

    private long storedEvents(String type, String memberId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ? and aggregate_identifier = ?",
                Long.class, "%." + type, memberId);
    }

    private String slot(String date) {
        return "{\"shiftTypeId\":\"" + primary + "\",\"date\":\"" + date + "\"}";
    }

    private static String last(List<String> messages) {
        return new ArrayList<>(messages).get(messages.size() - 1);
    }

    private static String masked(String phone) {
        return phone.substring(0, 2) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 4);
    }
}
